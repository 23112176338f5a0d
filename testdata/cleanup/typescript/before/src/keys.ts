export const NEW_CHECKOUT = "new-checkout";
export const DARK_MODE = "dark-mode";

export enum Flags {
  NewCheckout = "new-checkout",
  DarkMode = "dark-mode",
}

export const NEW_CHECKOUT = "new-checkout";
export const DARK_MODE = "dark-mode";

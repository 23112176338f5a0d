export const DARK_MODE = "dark-mode";

export enum Flags {
  DarkMode = "dark-mode",
}

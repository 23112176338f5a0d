export const DARK_MODE = "dark-mode";

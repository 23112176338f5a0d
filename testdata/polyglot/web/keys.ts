export const DARK = "DARK_MODE";

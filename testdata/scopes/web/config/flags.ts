export const CHECKOUT = "import-key";

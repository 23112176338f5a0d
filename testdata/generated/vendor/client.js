export const x = isEnabled("only-generated");

// The same names as checkout.ts and shadow.ts with another value: a call
// resolves to its own file's constant, which the fast path must parse.
export const CHECKOUT = "beta";
export const KEY = "beta";

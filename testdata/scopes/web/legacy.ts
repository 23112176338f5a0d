// The same name in another module: an import of `./config/flags` is not this one.
export const CHECKOUT = "something-else";

package other

// The same name in another package: `features.MultiQueue` is not this one.
const MultiQueue = "something-else"

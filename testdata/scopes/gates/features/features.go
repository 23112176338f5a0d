package features

const MultiQueue = "gate-a"

const KEY = "epsilon";

function first() {
  return 1;
}

// The parameter shadows the constant: a dynamic key.
function shadowed(KEY: string) {
  return isOn(KEY);
}

function plain() {
  return isOn(KEY);
}

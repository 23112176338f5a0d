import { isOn } from "./flags";

const mode = "kappa";

function first() {
  return 1;
}

// A local bound statements before the call, in an outer block, shadows
// the constant: a dynamic key.
export function nested(enabled: boolean) {
  let other, mode;
  if (enabled) {
    first();
  }
  for (const x of [other]) {
    if (isOn(mode)) {
      return x;
    }
  }
  return 0;
}

export function plain() {
  return isOn(mode);
}

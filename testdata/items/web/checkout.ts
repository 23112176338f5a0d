import { something } from "./other";

function helper() {
  return something;
}

// The call's constant is a piece of its own, after the call.
export function render() {
  return isOn(CHECKOUT);
}

function unrelated() {
  // A literal in a piece that is not parsed: the lexer finds it.
  return "beta";
}

const CHECKOUT = "alpha";

class Panel {
  static readonly KEY = "gamma";

  other() {
    return 2;
  }

  show() {
    return isOn(Panel.KEY);
  }
}

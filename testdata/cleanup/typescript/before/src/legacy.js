import { flags } from "./flags";

export function greeting(name) {
  const text = flags.isOn("new-checkout") ? `Welcome back, ${name}` : "Hello";
  if (!flags.isOn("new-checkout")) {
    return text + "!";
  }
  return text;
}

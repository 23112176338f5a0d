import { flags } from "./flags";
import { DARK_MODE, Flags } from "./keys";
import { Cart, newTotal } from "./totals";

export function total(cart: Cart): number {
  const fee = 2;
  return newTotal(cart) + fee;
}

export function banner(user: User): string {
  log("new banner");
  return user.beta ? "beta" : "new";
}

export function theme(): string {
  if (flags.isOn(DARK_MODE)) {
    return "dark-new";
  } else if (flags.isOn(DARK_MODE) || flags.isOn(Flags.DarkMode)) {
    return "dark";
  }
  return "light";
}

export async function track(user: User): Promise<void> {
  const label = "v2";
  await send(label, true);
}

export function ship(cart: Cart): string {
  return "express";
}

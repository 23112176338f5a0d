import { flags } from "./flags";
import { DARK_MODE, Flags } from "./keys";
import { Cart, legacyTotal } from "./totals";

export function total(cart: Cart): number {
  return legacyTotal(cart);
}

export function banner(user: User): string {
  return "classic";
}

export function theme(): string {
  if (flags.isOn(DARK_MODE) && false) {
    return "dark-new";
  } else if (flags.isOn(DARK_MODE) || flags.isOn(Flags.DarkMode)) {
    return "dark";
  }
  return "light";
}

export async function track(user: User): Promise<void> {
  const label = "v1";
  await send(label, false);
}

export function ship(cart: Cart): string {
  return `standard (${cart.items.length})`;
}

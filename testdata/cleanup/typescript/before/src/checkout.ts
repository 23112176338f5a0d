import { flags } from "./flags";
import { NEW_CHECKOUT, DARK_MODE, Flags } from "./keys";
import { Cart, legacyTotal, newTotal } from "./totals";

export function total(cart: Cart): number {
  if (flags.isOn(NEW_CHECKOUT)) {
    const fee = 2;
    return newTotal(cart) + fee;
  } else {
    return legacyTotal(cart);
  }
}

export function banner(user: User): string {
  const enabled = flags.isOn("new-checkout");
  if (!enabled) return "classic";
  log("new banner");
  return enabled && user.beta ? "beta" : "new";
}

export function theme(): string {
  if (flags.isOn(DARK_MODE) && flags.isOn(NEW_CHECKOUT)) {
    return "dark-new";
  } else if (flags.isOn(DARK_MODE) || flags.isOn(Flags.DarkMode)) {
    return "dark";
  }
  return "light";
}

export async function track(user: User): Promise<void> {
  const label = flags.isOn(NEW_CHECKOUT) ? "v2" : "v1";
  await send(label, flags.isOn("new-checkout"));
}

export function ship(cart: Cart): string {
  return flags.isOn(Flags.NewCheckout) ? "express" : `standard (${cart.items.length})`;
}

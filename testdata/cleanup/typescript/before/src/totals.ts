export interface Cart {
  items: number[];
}

export function legacyTotal(cart: Cart): number {
  return cart.items.reduce((a, b) => a + b, 0);
}

export function newTotal(cart: Cart): number {
  return cart.items.reduce((a, b) => a + b, 0) * 0.9;
}

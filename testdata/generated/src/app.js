export const on = isEnabled("live-flag");

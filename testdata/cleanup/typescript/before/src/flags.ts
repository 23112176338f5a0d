export const flags = {
  isOn(key: string): boolean {
    return key.length > 0;
  },
};

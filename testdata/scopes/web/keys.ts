export enum FeatureFlagsKeysEnum {
  NEW_UI = "new-ui",
  SERVER_FLAG = "server-flag",
}

export const FLAGS = { DARK: "dark-mode" } as const;

export class FlagKeys {
  static readonly NEW_UI = "class-static-key";
}

export const uses = () => useFeatureFlag(FlagKeys.NEW_UI);

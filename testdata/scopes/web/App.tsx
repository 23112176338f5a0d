import { FeatureFlagsKeysEnum, FLAGS } from "./keys";

export function App() {
  const newUi = useFeatureFlag(FeatureFlagsKeysEnum.NEW_UI);
  const dark = useFeatureFlag(FLAGS.DARK);
  const key = "local-key";
  return newUi && dark && useFeatureFlag(key);
}

// A component's prop is a parameter: never the constant of another file.
export const BetaFlag = ({ flagName }) => useFeatureFlag(flagName);

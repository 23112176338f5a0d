import { useFlags } from "launchdarkly-react-client-sdk";
import { LIST_A } from "./keys";

export function Search() {
  const { newSearch, darkMode: dark, betaBanner = false } = useFlags();
  const flags = useFlags();
  if (flags.betaBanner || flags?.newSearch) {
    return null;
  }
  const kebab = useFlags()["kebab-only"];
  const on = useFeatureIsOn("gb-hook");
  const [a, b] = useFlagList(["list-a", "list-b"]);
  return (
    <IfFeatureEnabled feature="gb-checkout">
      <Banner show={newSearch && dark && kebab && on && a && b} />
    </IfFeatureEnabled>
  );
}

export function Settings({ uiConfig }) {
  // `flags` here is not the flag object of Search: not a reference.
  const flags = { onlyInAnotherFunction: true };
  return uiConfig.flags.homeGrown && flags.onlyInAnotherFunction;
}

export function Profile({ uiConfig }) {
  // Destructured from the object whose `flags` member is the flag object.
  const { flags } = uiConfig;
  return flags.homeGrown;
}

export function Indexed() {
  // An index by a constant defined in another file.
  return useFlags()[LIST_A];
}

export function App({ user }) {
  const gb = useFeatureIsOn("gb-hook");
  const of = useBooleanFlagValue("of-hook", false);
  const un = useFlag("unleash-hook");
  const gate = useGateValue("statsig-hook");
  const { ldObjectKey } = useFlags();
  const fs = useFlags(["fs-list-a", "fs-list-b"]);
  const ph = useFeatureFlagEnabled("posthog-hook");
  return (
    <>
      <IfFeatureEnabled feature="gb-jsx">new</IfFeatureEnabled>
      <FeatureFlag flagKey="of-jsx" />
      <PostHogFeature flag="posthog-jsx">beta</PostHogFeature>
      {gb && of && un && gate && ldObjectKey && fs && ph}
    </>
  );
}

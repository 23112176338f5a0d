// A lowercase object is data, not a table of keys: `feature.name` below
// is a property of a loop variable, never this constant's member.
export const feature = { name: "new-ui" };

export function evaluateAll(definitions) {
  for (const feature of definitions) {
    useFeatureFlag(feature.name);
  }
}

// Spells `flag` but not the other word: not parsed for the query; the key
// is still a literal reference.
export const flag = "legacy-nav";

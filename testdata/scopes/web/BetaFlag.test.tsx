// A constant local to a test function: visible there only.
function renders() {
  const flagName = "test_feature";
  return flagName;
}

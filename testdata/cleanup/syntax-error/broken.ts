export function f() {
  if (isOn("broken-flag")) {
    return 1;
  

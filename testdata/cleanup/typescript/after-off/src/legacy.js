export function greeting(name) {
  const text = "Hello";
  return text + "!";
}

export function greeting(name) {
  const text = `Welcome back, ${name}`;
  return text;
}

export function main(client, ctx) {
  client.isEnabled("unleash-javascript", false);
}

export function main(client, ctx) {
  client.isEnabled("unleash-typescript", false);
}

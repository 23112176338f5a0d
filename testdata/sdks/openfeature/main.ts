export function main(client, ctx) {
  client.getBooleanValue("openfeature-typescript", false);
}

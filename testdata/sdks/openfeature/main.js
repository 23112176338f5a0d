export function main(client, ctx) {
  client.getBooleanValue("openfeature-javascript", false);
}

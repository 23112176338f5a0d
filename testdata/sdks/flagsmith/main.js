export function main(client, ctx) {
  client.isFeatureEnabled("flagsmith-javascript", false);
}

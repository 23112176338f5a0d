export function main(client, ctx) {
  client.isFeatureEnabled("flagsmith-typescript", false);
}

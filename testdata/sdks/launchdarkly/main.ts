export function main(client, ctx) {
  client.variation("launchdarkly-typescript", false);
}

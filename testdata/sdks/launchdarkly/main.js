export function main(client, ctx) {
  client.variation("launchdarkly-javascript", false);
}

export function main(client, ctx) {
  client.isOn("growthbook-javascript", false);
}

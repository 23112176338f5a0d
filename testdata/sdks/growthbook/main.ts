export function main(client, ctx) {
  client.isOn("growthbook-typescript", false);
}

export function main(client, ctx) {
  client.getTreatment(ctx, "split-javascript", false);
}

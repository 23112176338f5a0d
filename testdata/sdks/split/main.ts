export function main(client, ctx) {
  client.getTreatment(ctx, "split-typescript", false);
}

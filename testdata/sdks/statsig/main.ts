export function main(client, ctx) {
  client.checkGate(ctx, "statsig-typescript", false);
}

def main(client, ctx):
    client.check_gate(ctx, "statsig-python", false)

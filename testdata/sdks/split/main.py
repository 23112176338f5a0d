def main(client, ctx):
    client.get_treatment(ctx, "split-python", false)

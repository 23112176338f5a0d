def main(client, ctx):
    client.is_enabled("unleash-python", false)

def main(client, ctx):
    client.variation("launchdarkly-python", false)

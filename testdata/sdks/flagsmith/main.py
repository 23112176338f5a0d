def main(client, ctx):
    client.is_feature_enabled("flagsmith-python", false)

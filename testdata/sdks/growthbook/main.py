def main(client, ctx):
    client.is_on("growthbook-python", false)

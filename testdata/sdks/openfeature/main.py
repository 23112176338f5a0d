def main(client, ctx):
    client.get_boolean_value("openfeature-python", false)
    client.get_boolean_value(default_value=False, flag_key="openfeature-python")

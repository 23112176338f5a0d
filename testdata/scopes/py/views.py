def render():
    # A local assigned one literal: the call's key.
    key = "py-local"
    return client.is_enabled(key)


def shadowed(key):
    # A parameter: dynamic, never another function's local.
    return client.is_enabled(key)


def reassigned(request):
    key = "py-local"
    key = request.args["flag"]
    return client.is_enabled(key)

def search(client):
    return "beta" if client.is_enabled("beta-search") else "classic"

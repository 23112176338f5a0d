fun search(client: Unleash): String =
    if (client.isEnabled("beta-search")) "beta" else "classic"

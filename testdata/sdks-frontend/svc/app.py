def view(posthog, eppo_client, user):
    on = posthog.feature_enabled("posthog-py", user.id)
    variant = eppo_client.get_boolean_assignment("eppo-py", user.id, {}, False)
    return on and variant

def checkout():
    """flags.is_enabled("new-ui") in a docstring does not count."""
    return flags.is_enabled(Flags.CHECKOUT)

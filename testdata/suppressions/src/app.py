def checkout():
    # flaglint: allow(undeclared-flag) reason: declared by the payments team's registry
    return flags.is_enabled("payments-v3")

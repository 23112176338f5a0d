import flags

# flags.is_enabled("ghost-in-comment")
if flags.is_enabled("new-ui"):
    pass

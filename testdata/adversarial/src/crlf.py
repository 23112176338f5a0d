import flags

# flags.is_enabled("ghost-in-comment")
# flaglint: allow(expired-flag)
if flags.is_enabled("new-ui"):
    pass

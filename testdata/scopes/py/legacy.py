# The same name in another module: an import of `.keys` is not this one.
SEARCH_V2 = "something-else"

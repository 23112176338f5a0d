NEW_SEARCH = "new-search"
OTHER = "other"

SEARCH_V2 = "py-import-key"

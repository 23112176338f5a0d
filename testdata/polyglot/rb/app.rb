flags.is_enabled(:unknown_symbol)

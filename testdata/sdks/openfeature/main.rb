client.fetch_boolean_value(flag_key: "openfeature-ruby", default_value: false)

client.is_enabled?("unleash-ruby", false)

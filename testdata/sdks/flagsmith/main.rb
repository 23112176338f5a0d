client.feature_enabled?("flagsmith-ruby", false)

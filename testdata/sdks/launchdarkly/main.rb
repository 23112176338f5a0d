client.variation("launchdarkly-ruby", false)

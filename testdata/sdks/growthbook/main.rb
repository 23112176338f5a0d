client.on?("growthbook-ruby", false)

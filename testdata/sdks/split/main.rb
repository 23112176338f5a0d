client.get_treatment(ctx, "split-ruby", false)

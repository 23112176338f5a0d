client.check_gate(ctx, "statsig-ruby", false)

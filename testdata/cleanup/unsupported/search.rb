def search(client)
  client.is_enabled?("beta-search") ? :beta : :classic
end

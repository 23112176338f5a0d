fun use(client: Client): Boolean {
    return client.isEnabled(Keys.SEARCH) && client.isEnabled(Checkout.PAY)
}

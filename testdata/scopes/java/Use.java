class Use {
    boolean on() {
        return client.isEnabled(Keys.CHECKOUT);
    }
}

fun main() {
    client.isEnabled("unleash-kotlin", false)
}

fun main() {
    client.getBooleanValue("openfeature-kotlin", false)
}

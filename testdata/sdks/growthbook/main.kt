fun main() {
    client.feature("growthbook-kotlin", false)
}

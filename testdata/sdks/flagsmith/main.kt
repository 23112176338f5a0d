fun main() {
    client.hasFeatureFlag("flagsmith-kotlin", false)
}

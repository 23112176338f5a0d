fun main() {
    client.boolVariation("launchdarkly-kotlin", false)
}

fun main() {
    client.getTreatment("split-kotlin", false)
}

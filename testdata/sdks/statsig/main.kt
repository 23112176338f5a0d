fun main() {
    client.checkGate(ctx, "statsig-kotlin", false)
}

class Main {
  void main() {
    client.checkGate(ctx, "statsig-java", false);
  }
}

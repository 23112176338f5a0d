class Main {
  void main() {
    client.getTreatment(ctx, "split-java", false);
  }
}

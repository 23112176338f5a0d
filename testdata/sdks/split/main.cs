class Main {
  void Run() {
    client.GetTreatment(ctx, "split-csharp", false);
  }
}

class Main {
  void Run() {
    client.IsFeatureEnabled("flagsmith-csharp", false);
  }
}

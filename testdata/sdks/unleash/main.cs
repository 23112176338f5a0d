class Main {
  void Run() {
    client.IsEnabled("unleash-csharp", false);
  }
}

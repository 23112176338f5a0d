class Main {
  void Run() {
    client.IsOn("growthbook-csharp", false);
  }
}

class Main {
  void Run() {
    client.GetBooleanValueAsync("openfeature-csharp", false);
  }
}

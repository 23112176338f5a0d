class Main {
  void Run() {
    client.CheckGateSync(ctx, "statsig-csharp", false);
  }
}

package main

func main() {
	client.CheckGate(ctx, "statsig-go", false)
}

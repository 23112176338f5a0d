package main

func main() {
	client.Treatment(ctx, "split-go", false)
}

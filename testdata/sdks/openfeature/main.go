package main

func main() {
	client.BooleanValue(ctx, "openfeature-go", false)
}

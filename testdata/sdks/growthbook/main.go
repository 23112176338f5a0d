package main

func main() {
	client.EvalFeature(ctx, "growthbook-go", false)
}

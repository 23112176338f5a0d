package main

func main() {
	client.BoolVariation("launchdarkly-go", false)
}

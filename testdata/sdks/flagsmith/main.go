package main

func main() {
	client.IsFeatureEnabled("flagsmith-go", false)
}

package main

func main() {
	client.IsEnabled("unleash-go", false)
}

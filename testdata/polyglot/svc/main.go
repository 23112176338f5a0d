package main

func main() {
	if flags.is_enabled(features.TLSOptions) {
	}
}

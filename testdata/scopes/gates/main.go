package main

func run() bool {
	return features.Enabled(features.MultiQueue)
}

package main

// Go conversions keep the key: `Feature("k")` is "k".
const Typed = featuregate.Feature("go-typed")

func typed() bool {
	return features.Enabled(featuregate.Feature("go-typed")) && features.Enabled(Typed)
}

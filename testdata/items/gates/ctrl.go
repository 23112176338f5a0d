// Package gates: the package clause is in the first piece.
package gates

import (
	"example.com/features"
)

func unrelated() bool {
	return true
}

func gated() bool {
	return features.Enabled(Local)
}

const Local = "zeta"

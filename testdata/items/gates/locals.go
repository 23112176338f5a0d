package gates

import "example.com/features"

// A local bound statements before the call, in an outer block: the
// statement that binds it must join the call's.
func locals(enabled bool) bool {
	gate := "kappa"
	if enabled {
		unrelated()
	}
	for _, other := range []string{"a"} {
		_ = other
		if features.Enabled(gate) {
			return true
		}
	}
	return false
}

// The local shadows the package constant below.
func shadowing(enabled bool) bool {
	Shadowed := "mu"
	if !enabled {
		return false
	}
	switch {
	case enabled:
		unrelated()
		return features.Enabled(Shadowed)
	default:
		return false
	}
}

// A call in a closure, an element of a table whose elements start with a
// string: the pieces around it are the table's joints.
var table = map[string]func() bool{
	"a": func() bool {
		return true
	},
	"b": func() bool {
		return features.Enabled(Shadowed)
	},
}

const Shadowed = "lambda"

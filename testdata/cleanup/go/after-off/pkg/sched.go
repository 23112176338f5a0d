package pkg

import (
	"strings"

)

func Assign(w Workload) string {
	if w.Legacy {
		return strings.ToUpper(w.Name)
	}
	return w.Name
}

func Describe(w Workload) string {
	return "flat"
}

func Check(ctx Ctx, client Client, w Workload) bool {
	return false
}

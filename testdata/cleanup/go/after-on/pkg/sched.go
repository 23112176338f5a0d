package pkg

import (
	"fmt"

	"example.com/sched/pkg/topology"
)

func Assign(w Workload) string {
	t := topology.Find(w)
	return t.Name
}

func Describe(w Workload) string {
	return fmt.Sprintf("topology:%s", w.Name)
}

func Check(ctx Ctx, client Client, w Workload) bool {
	return w.Ready
}

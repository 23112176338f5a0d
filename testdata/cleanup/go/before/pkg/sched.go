package pkg

import (
	"fmt"
	"strings"

	"example.com/sched/pkg/features"
	"example.com/sched/pkg/topology"
)

func Assign(w Workload) string {
	if features.Enabled(features.TopologyAwareScheduling) {
		t := topology.Find(w)
		return t.Name
	} else if w.Legacy {
		return strings.ToUpper(w.Name)
	}
	return w.Name
}

func Describe(w Workload) string {
	if !features.Enabled(features.TopologyAwareScheduling) {
		return "flat"
	}
	return fmt.Sprintf("topology:%s", w.Name)
}

func Check(ctx Ctx, client Client, w Workload) bool {
	on, _ := client.BooleanValue(ctx, "TopologyAwareScheduling", false, nil)
	return on && w.Ready
}

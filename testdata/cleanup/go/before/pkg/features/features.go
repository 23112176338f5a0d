package features

type Feature string

const TopologyAwareScheduling Feature = "TopologyAwareScheduling"

func Enabled(f Feature) bool {
	return f != ""
}

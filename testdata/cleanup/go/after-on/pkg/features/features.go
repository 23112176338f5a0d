package features

type Feature string

func Enabled(f Feature) bool {
	return f != ""
}

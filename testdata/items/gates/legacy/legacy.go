// The same name as in ../ctrl.go, with another value.
package legacy

const Local = "beta"

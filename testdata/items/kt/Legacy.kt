// The same name as in Screen.kt, with another value.
package legacy

object Legacy {
    const val KEY = "beta"
}

package app

class Screen {
    companion object {
        const val KEY = "iota"
    }

    fun other(): Int = 1

    fun a(): Int {
        val list = listOf(1, 2, 3)
        return list.sum()
    }

    fun b(): String {
        return "unrelated text in a member that is not parsed"
    }

    fun c(): Int {
        val list = listOf(4, 5, 6)
        return list.sum()
    }

    fun show(): Boolean {
        return isOn(KEY)
    }
}

object Keys {
    const val SEARCH = "kotlin-object-key"
}

object OtherKeys {
    // The same name in another object: `Keys.SEARCH` is not this one.
    const val SEARCH = "something-else"
}

class Checkout {
    companion object {
        const val PAY = "kotlin-companion-key"
    }
}

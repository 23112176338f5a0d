// The same field name in another class: `Keys.CHECKOUT` is not this one.
class Other {
    static final String CHECKOUT = "something-else";
}

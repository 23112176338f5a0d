class Keys {
    static final String CHECKOUT = "java-class-key";
}

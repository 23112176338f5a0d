class Flags:
    CHECKOUT = "checkout-v2"

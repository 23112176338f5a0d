fn f() -> bool {
    flags::is_enabled("checkout-payment-method-selection-with-saved-cards-and-wallets")
}

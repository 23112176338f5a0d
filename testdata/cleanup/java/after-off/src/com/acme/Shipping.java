package com.acme;

import com.acme.legacy.SlowQuote;
import dev.openfeature.sdk.Client;

public class Shipping {
    private final Client client;

    Shipping(Client client) {
        this.client = client;
    }

    int quote(Order order) {
        return SlowQuote.of(order);
    }

    String label(Order order) {
        return "standard";
    }
}

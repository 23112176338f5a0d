package com.acme;

import com.acme.quote.FastQuote;
import dev.openfeature.sdk.Client;

public class Shipping {
    private final Client client;

    Shipping(Client client) {
        this.client = client;
    }

    int quote(Order order) {
        int base = FastQuote.of(order);
        return base + 1;
    }

    String label(Order order) {
        order.mark();
        return "express";
    }
}

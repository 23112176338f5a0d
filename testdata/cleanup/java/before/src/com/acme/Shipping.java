package com.acme;

import com.acme.legacy.SlowQuote;
import com.acme.quote.FastQuote;
import dev.openfeature.sdk.Client;

public class Shipping {
    static final String EXPRESS = "express-shipping";

    private final Client client;

    Shipping(Client client) {
        this.client = client;
    }

    int quote(Order order) {
        if (client.getBooleanValue(EXPRESS, false)) {
            int base = FastQuote.of(order);
            return base + 1;
        } else {
            return SlowQuote.of(order);
        }
    }

    String label(Order order) {
        final boolean express = client.getBooleanValue("express-shipping", false);
        if (!express) return "standard";
        order.mark();
        return express ? "express" : "standard";
    }
}

package com.acme.quote;

public class FastQuote {
    public static int of(Object order) {
        return 5;
    }
}

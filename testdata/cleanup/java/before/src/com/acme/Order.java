package com.acme;

public class Order {
    void mark() {}
}

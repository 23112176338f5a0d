package dev.openfeature.sdk;

public interface Client {
    Boolean getBooleanValue(String key, Boolean defaultValue);
}

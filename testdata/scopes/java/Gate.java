class Gate {
    boolean on(Object key) {
        return client.isEnabled((String) "java-cast");
    }
}

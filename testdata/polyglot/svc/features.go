package features

const TLSOptions = "tls-options"

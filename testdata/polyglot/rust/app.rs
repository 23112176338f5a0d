pub fn app() {
    if flags::is_enabled(keys::NEW_UI) {}
    if flags::is_enabled(keys::AMBIGUOUS) {}
    if PreviewFeature::enabled(PreviewFeature::S3Endpoint) {}
}

pub fn storage() -> bool {
    PreviewFeature::S3Endpoint.is_on()
}

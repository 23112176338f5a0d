pub fn app() {
    if flags::is_enabled(keys::NEW_UI) {}
    if flags::is_enabled(keys::AMBIGUOUS) {}
    if PreviewFeature::enabled(PreviewFeature::S3Endpoint) {}
}

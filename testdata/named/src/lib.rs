fn render(settings: &Settings) -> bool {
    is_dark_mode_enabled(settings) && !is_beta_search_enabled(settings)
}

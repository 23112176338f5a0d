mod checkout;

async fn serve(client: &open_feature::Client, ld: &launchdarkly_server_sdk::Client, ctx: &Context) {
    let recs = client
        .get_bool_value("disable-recommendations", Some(&ctx.eval), None)
        .await
        .unwrap_or(false);
    let tier = ld.str_variation(ctx, "beta-dashboard", "free".to_string());
    println!("{}", r#"NEW_CHECKOUT"#);
}

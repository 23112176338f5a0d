async fn serve(client: &open_feature::Client, ld: &launchdarkly_server_sdk::Client, ctx: &Context) {
    let a = client.get_bool_value("new-checkout", None, None).await;
    let b = client.get_bool_value("new-checkout", None, None).await;
    let c = ld.bool_variation(ctx, "org:search.v2", false);
    // client.get_bool_value("commented-out", None, None)
}

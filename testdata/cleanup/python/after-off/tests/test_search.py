def test_classic(fake_client):
    fake_client.set("new-search", False)

route("/beta", flag="beta-routes")
route(flag="legacy-nav")

export const routes = [
  { path: "/beta", title: "Beta", flag: "beta-routes" },
  { path: "/admin", title: "Admin", notFlag: "hidden-admin" },
  // Not a route: no `path` key in this object.
  { route: "/old", flag: "legacy-nav" },
];

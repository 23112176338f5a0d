import path from "path";

// Spells `path` but neither key word of the route query: not parsed for it.
export const home = { path: "/", title: "Home" };
export const dir = path.join("a", "b");

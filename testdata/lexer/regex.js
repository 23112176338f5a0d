// A regular expression holding a quote is not the start of a string.
const quoted = /["']/g;
const ratio = total / count / 2;
const key = "new-ui";
const template = `before ${"id"} after`;

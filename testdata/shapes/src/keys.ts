export const LIST_A = "list-a";

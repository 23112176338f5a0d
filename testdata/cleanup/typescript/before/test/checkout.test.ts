import { setFlag } from "./helpers";

test("old checkout", () => {
  setFlag("new-checkout", false);
});

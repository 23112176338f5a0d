import { CHECKOUT } from "./config/flags";
import { CHECKOUT as RENAMED } from "./config/flags";
import * as F from "./config/flags";

export function Checkout() {
  const a = useFeatureFlag(CHECKOUT);
  const b = useFeatureFlag(RENAMED);
  const c = useFeatureFlag(F.CHECKOUT);
  return a && b && c;
}

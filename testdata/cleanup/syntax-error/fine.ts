import { isOn } from "./flags";
export const g = () => (isOn("broken-flag") ? 1 : 2);

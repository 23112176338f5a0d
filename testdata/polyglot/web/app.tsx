import { DARK } from "./keys";
// flags.is_enabled("checkout-v2") is only a comment
export const App = () => (flags.is_enabled(DARK) ? <Dark /> : <Light />);

import React from "react";
import { useFlags } from "launchdarkly-react-client-sdk";
import { OldCart, Footer } from "./parts";

export function Cart() {
  const { darkMode } = useFlags();
  return (
    <div className={darkMode ? "dark" : "light"}>
      <OldCart />
      <p>Try the new checkout!</p>
      <Footer />
    </div>
  );
}

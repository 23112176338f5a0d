import React from "react";
import { useFlags } from "launchdarkly-react-client-sdk";
import { NewCart, Footer } from "./parts";

export function Cart() {
  const { darkMode } = useFlags();
  return (
    <div className={darkMode ? "dark" : "light"}>
      <NewCart fast={true} />
      <p>Faster checkout is here.</p>
      <Footer />
    </div>
  );
}

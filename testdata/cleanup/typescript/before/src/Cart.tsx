import React from "react";
import { useFlags } from "launchdarkly-react-client-sdk";
import { useFlag } from "@unleash/proxy-client-react";
import { IfFeatureEnabled } from "@growthbook/growthbook-react";
import { OldCart, NewCart, Footer } from "./parts";

export function Cart() {
  const { newCheckout, darkMode } = useFlags();
  const fast = useFlag("new-checkout");
  return (
    <div className={darkMode ? "dark" : "light"}>
      {newCheckout ? <NewCart fast={fast} /> : <OldCart />}
      {!newCheckout && <p>Try the new checkout!</p>}
      <IfFeatureEnabled feature="new-checkout">
        <p>Faster checkout is here.</p>
      </IfFeatureEnabled>
      <Footer />
    </div>
  );
}

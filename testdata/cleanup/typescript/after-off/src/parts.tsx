import React from "react";

export function OldCart() {
  return <div>old</div>;
}

export function NewCart(props: { fast: boolean }) {
  return <div>{props.fast ? "fast" : "new"}</div>;
}

export function Footer() {
  return <footer />;
}

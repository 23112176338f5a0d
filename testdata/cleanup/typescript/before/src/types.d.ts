// Just enough of the libraries the fixture imports for `tsc --noEmit`.
declare module "react" {
  const React: { createElement(...args: unknown[]): unknown };
  export default React;
}
declare module "launchdarkly-react-client-sdk" {
  export function useFlags(): Record<string, boolean>;
}
declare module "@unleash/proxy-client-react" {
  export function useFlag(name: string): boolean;
}
declare module "@growthbook/growthbook-react" {
  export function IfFeatureEnabled(props: { feature: string; children?: unknown }): unknown;
}
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: unknown;
  }
  type Element = unknown;
}
interface User {
  beta: boolean;
}
declare function log(message: string): void;
declare function send(label: string, fast: boolean): Promise<void>;

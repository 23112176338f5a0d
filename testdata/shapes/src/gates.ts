// The client SDK puts the key first; the server SDK a user first.
export const client = checkGate("client-gate");
export const server = statsig.checkGate(user, "server-gate");

export async function register() {
  // Edge and client bundles have no database; only the Node.js server starts Hookyard.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything is served: throttles and rate limits key on the socket's address, and a
  // flood of sign-ins is turned away before Next's router spends time on it.
  const { installRequestHooks, stampPeerAddress } = await import("./lib/http/request-hooks");
  const { gateAccountFloods } = await import("./lib/auth/account-flood-gate");
  installRequestHooks([stampPeerAddress, gateAccountFloods]);
  const { startHookyardOrExit } = await import("./lib/startup");
  await startHookyardOrExit();
}

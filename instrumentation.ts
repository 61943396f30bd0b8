export async function register() {
  // Edge and client bundles have no database; only the Node.js server starts Hookyard.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHookyardOrExit } = await import("./lib/startup");
  await startHookyardOrExit();
}

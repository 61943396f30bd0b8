import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/net/client-address";

/**
 * Something to do with each request before Next.js sees it. Returning true means the hook
 * answered the request itself and Next must not see it.
 */
export type RequestHook = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Runs `hooks` on every request the process's HTTP servers receive, before Next.js does. Next
 * gives handlers no access to the socket, and its router's work per request is what a flood
 * should not cost. Installed once, from instrumentation.ts, in the process that serves HTTP.
 */
export function installRequestHooks(hooks: RequestHook[]): void {
  const holder = globalThis as { hookyardRequestHooks?: boolean };
  if (holder.hookyardRequestHooks) return;
  holder.hookyardRequestHooks = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      for (const hook of hooks) if (hook(request, response)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** Writes the socket's peer address into PEER_ADDRESS_HEADER, over any value a client sent. */
export const stampPeerAddress: RequestHook = (request) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  return false;
};

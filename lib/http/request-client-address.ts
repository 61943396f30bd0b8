import "server-only";
import { getEnv } from "@/lib/env";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";

/** The client address of a request the web server received (see clientAddress). */
export function requestClientAddress(headers: Headers): string | null {
  return clientAddress(
    headers.get(PEER_ADDRESS_HEADER),
    headers.get("x-forwarded-for"),
    getEnv().TRUSTED_PROXIES,
  );
}

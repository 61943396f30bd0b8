"use client";

import { Button } from "./button";
import { FallbackPage } from "./fallback-page";

/**
 * The body of an `error.tsx` boundary: what happened, a retry, and a way out. Never the error's
 * message or stack: a server error reaches the browser as a generic message and a digest, and
 * the digest is what finds the full error in the server's log.
 */
export function RouteError({
  error,
  retry,
  link,
  standalone,
}: {
  error: unknown;
  /** Next's `retry`: fetches and renders the segment again (its `reset` would only re-render). */
  retry: () => void;
  link: { href: string; label: string };
  standalone?: boolean;
}) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  return (
    <FallbackPage
      title="This page hit an error"
      link={link}
      standalone={standalone}
      action={
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
      }
    >
      <p>
        Something failed on the server while showing it; nothing you did caused it. Trying again in
        a moment often works.
      </p>
      {digest ? (
        <p>
          If it keeps failing, the server&apos;s log has the details under reference{" "}
          <code className="font-mono">{digest}</code>.
        </p>
      ) : null}
    </FallbackPage>
  );
}

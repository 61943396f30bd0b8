"use client";

import { useState } from "react";

/** An event body: pretty-printed JSON by default, the bytes as received on demand. */
export function PayloadViewer({
  payload,
  raw,
  rawBytes,
}: {
  payload: unknown;
  raw: string;
  rawBytes: number;
}) {
  const isJson = payload !== null && payload !== undefined;
  const [showRaw, setShowRaw] = useState(!isJson);
  const shown = showRaw ? raw : JSON.stringify(payload, null, 2);
  return (
    <div>
      <div className="mb-2 flex items-center gap-3 text-sm">
        {isJson ? (
          <button
            type="button"
            aria-pressed={showRaw}
            onClick={() => setShowRaw(!showRaw)}
            className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {showRaw ? "Show formatted JSON" : "Show raw body"}
          </button>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">Not JSON: shown as received.</span>
        )}
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{rawBytes} bytes</span>
      </div>
      <pre
        aria-label={showRaw ? "Raw body" : "Formatted payload"}
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-black"
      >
        <code>{shown}</code>
      </pre>
    </div>
  );
}

// PostgreSQL echoes values in some of its messages (`invalid input syntax for type integer:
// "…"`) and in `detail` (`Key (email)=(…) already exists`). Quoted text that is not an
// identifier is replaced, and `detail`/`where` are kept off what a log prints.
const QUOTED_VALUE = /"((?:[^"]|"")*)"/g;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$.]*$/;

function redactText(text: string): string {
  return text.replace(QUOTED_VALUE, (whole, inner: string) =>
    IDENTIFIER.test(inner) ? whole : '"…"',
  );
}

/** Redacts a driver error in place (message, stack, detail) and returns it. */
export function redactDatabaseError<T>(error: T): T {
  if (!(error instanceof Error)) return error;
  const original = error.message;
  const redacted = redactText(original);
  if (redacted !== original) {
    error.message = redacted;
    if (typeof error.stack === "string") error.stack = error.stack.replace(original, redacted);
  }
  for (const field of ["detail", "where"] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(error, field);
    if (descriptor?.enumerable && descriptor.configurable)
      Object.defineProperty(error, field, { ...descriptor, enumerable: false });
  }
  return error;
}

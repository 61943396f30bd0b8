/** A post-sign-in destination that stays on this site: a local path, never //host or a URL. */
export function safeNextPath(value: FormDataEntryValue | string | null | undefined): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

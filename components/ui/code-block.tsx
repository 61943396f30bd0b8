/** A copyable block of shell or JSON; long lines scroll instead of breaking the layout. */
export function CodeBlock({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="mt-2 overflow-x-auto rounded-md bg-zinc-900 p-3 text-left font-mono text-xs text-zinc-100 dark:bg-black"
    >
      <code>{children}</code>
    </pre>
  );
}

import { useId } from "react";

/** A labelled select whose hint or error is tied to it, styled like TextField. */
export function SelectField({
  label,
  hint,
  error,
  options,
  selectRef,
  ...selectProps
}: {
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  selectRef?: React.Ref<HTMLSelectElement>;
} & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        ref={selectRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="mt-1 block w-full max-w-md rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

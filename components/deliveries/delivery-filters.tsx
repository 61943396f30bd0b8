import Link from "next/link";

const STATUSES = ["pending", "delivering", "succeeded", "failed", "held"];
const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/**
 * The log's filters as a plain GET form: every filter lives in the URL, so a filtered view can
 * be bookmarked or pasted to a teammate, and it works before any script has loaded.
 */
export function DeliveryFilters({
  action,
  values,
  endpoints,
}: {
  action: string;
  values: Record<string, string | undefined>;
  endpoints: { id: string; url: string }[];
}) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-label="Filter deliveries"
      className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-zinc-200 bg-white p-4 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={values.status ?? ""} className={field}>
          <option value="">Any</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Endpoint
        <select name="endpointId" defaultValue={values.endpointId ?? ""} className={field}>
          <option value="">Any</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.url}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Event type
        <input
          name="eventType"
          defaultValue={values.eventType ?? ""}
          placeholder="order.paid"
          className={field}
        />
      </label>
      <label className="text-sm font-medium">
        From (UTC)
        <input
          type="datetime-local"
          name="since"
          defaultValue={values.since ?? ""}
          className={field}
        />
      </label>
      <label className="text-sm font-medium">
        To (UTC)
        <input
          type="datetime-local"
          name="until"
          defaultValue={values.until ?? ""}
          className={field}
        />
      </label>
      <label className="text-sm font-medium">
        Event or delivery id
        <input
          name="id"
          defaultValue={values.id ?? ""}
          placeholder="evt_… or dlv_…"
          className={field}
        />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Apply filters
        </button>
        <Link href={action} className="text-sm underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

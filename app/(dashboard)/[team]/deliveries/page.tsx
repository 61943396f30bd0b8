import { Activity } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryLogTable } from "@/components/deliveries/delivery-log-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeam } from "@/lib/auth/require-team";
import { listDeliveryLog } from "@/lib/deliveries/delivery-log";
import { listEndpoints } from "@/lib/endpoints/list-endpoints";
import { InputError } from "@/lib/errors";
import { filterParams } from "@/lib/http/filter-params";
import { bulkResendAction } from "./actions";

export const metadata: Metadata = { title: "Deliveries" };

// `limit` is not in the form (50 a page) but is honoured in the URL, like the API's.
const FILTERS = [
  "status",
  "endpointId",
  "eventType",
  "since",
  "until",
  "id",
  "cursor",
  "limit",
] as const;

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, team } = await requireTeam((await params).team);
  const raw = await searchParams;
  const query = filterParams(raw, FILTERS, ["since", "until"]);
  const formValues = filterParams(raw, FILTERS);
  const endpoints = await listEndpoints(db, { teamId: team.id, limit: 250 });
  let page;
  let problem: string | undefined;
  try {
    page = await listDeliveryLog(db, { teamId: team.id, query });
  } catch (error) {
    if (error instanceof ZodError)
      problem = error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    else if (error instanceof InputError) problem = error.message;
    else throw error;
  }
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <PageHeader
        title="Deliveries"
        description="The log of every event sent to every endpoint: its status, each attempt's response, and when the next retry is due."
      />
      <DeliveryFilters
        action={`/${team.slug}/deliveries`}
        values={formValues}
        endpoints={endpoints}
      />
      {problem ? (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          These filters cannot be applied ({problem}). Correct them or{" "}
          <Link href={`/${team.slug}/deliveries`} className="underline">
            clear them
          </Link>
          .
        </p>
      ) : null}
      {page ? (
        <DeliveryLogTable
          teamSlug={team.slug}
          query={query}
          initial={page}
          bulkResend={bulkResendAction.bind(null, team.slug)}
          empty={
            filtered ? undefined : (
              <EmptyState icon={Activity} title="No deliveries yet">
                <p>
                  A delivery is created for each endpoint an event is routed to. Once you have an
                  endpoint and events arrive, every attempt is logged here with the response your
                  endpoint gave. This page updates by itself.
                </p>
              </EmptyState>
            )
          }
        />
      ) : null}
    </>
  );
}

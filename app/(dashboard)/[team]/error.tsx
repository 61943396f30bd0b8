"use client";

import { useParams } from "next/navigation";
import { RouteError } from "@/components/ui/route-error";

// Every page of a team renders inside this boundary, within the team's layout: when one fails,
// the sidebar stays and the rest of the dashboard is a click away. (The layout's own failures
// reach app/error.tsx.)
export default function TeamError({ error, retry }: { error: unknown; retry: () => void }) {
  const { team } = useParams<{ team: string }>();
  return (
    <RouteError
      error={error}
      retry={retry}
      link={{ href: `/${team}/overview`, label: "Back to the overview" }}
    />
  );
}

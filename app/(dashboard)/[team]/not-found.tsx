"use client";

import { useParams } from "next/navigation";
import { FallbackPage } from "@/components/ui/fallback-page";

// notFound() from a team's page (an id of another team, or deleted) renders here, inside the
// team's layout. Not being a member is answered by app/not-found.tsx, without the team's frame.
export default function TeamNotFound() {
  const { team } = useParams<{ team: string }>();
  return (
    <FallbackPage
      title="Not found in this team"
      link={{ href: `/${team}/overview`, label: "Back to the overview" }}
    >
      <p>
        This page, or the endpoint, source, event or delivery it would show, does not exist in this
        team. It may have been deleted.
      </p>
    </FallbackPage>
  );
}

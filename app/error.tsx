"use client";

import { RouteError } from "@/components/ui/route-error";

// Errors outside a team's pages: sign-in and sign-up, team creation, invitations, and a team's
// layout itself (app/(dashboard)/[team]/error.tsx handles its pages).
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteError
      error={error}
      retry={retry}
      link={{ href: "/", label: "Go to your dashboard" }}
      standalone
    />
  );
}

"use server";

import { notFound } from "next/navigation";
import { requireTeam } from "@/lib/auth/require-team";
import { actionFailure } from "@/lib/http/action-failure";
import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { resendMany } from "@/lib/deliveries/resend-many";

const ROLE_MESSAGE = "Viewers cannot resend deliveries; ask a developer or an admin.";

export type ResendResult = { error?: string; status?: string };

export async function resendDeliveryAction(
  teamSlug: string,
  deliveryId: string,
): Promise<ResendResult> {
  try {
    const { team } = await requireTeam(teamSlug, "developer");
    const attempt = await resendDelivery({ teamId: team.id, deliveryId });
    return { status: attempt.status };
  } catch (error) {
    return actionFailure(error, ROLE_MESSAGE);
  }
}

export type BulkResendResult = {
  error?: string;
  sent?: number;
  succeeded?: number;
};

export async function bulkResendAction(
  teamSlug: string,
  deliveryIds: string[],
): Promise<BulkResendResult> {
  try {
    const { team } = await requireTeam(teamSlug, "developer");
    const totals = await resendMany({ teamId: team.id, deliveryIds });
    // Ids that are not this team's are refused as a whole, like a single resend's.
    if (totals.sent === 0 && totals.notFound > 0) notFound();
    return { sent: totals.sent, succeeded: totals.succeeded };
  } catch (error) {
    return actionFailure(error, ROLE_MESSAGE);
  }
}

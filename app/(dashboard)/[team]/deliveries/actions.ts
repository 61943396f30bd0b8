"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/actions/safe-action";
import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { resendMany } from "@/lib/deliveries/resend-many";

const ROLE_MESSAGE = "Viewers cannot resend deliveries; ask a developer or an admin.";
const id = z.string().min(1).max(100);

export type ResendResult = { error?: string; status?: string };

export const resendDeliveryAction = teamAction({
  role: "developer",
  roleMessage: ROLE_MESSAGE,
  input: z.tuple([id]),
  run: async ({ team, actor }, deliveryId): Promise<ResendResult> => {
    const attempt = await resendDelivery({ teamId: team.id, deliveryId, actor });
    return { status: attempt.status };
  },
});

export type BulkResendResult = {
  error?: string;
  sent?: number;
  succeeded?: number;
};

export const bulkResendAction = teamAction({
  role: "developer",
  roleMessage: ROLE_MESSAGE,
  input: z.tuple([z.array(id).max(1000)]),
  run: async ({ team, actor }, deliveryIds): Promise<BulkResendResult> => {
    const totals = await resendMany({ teamId: team.id, deliveryIds, actor });
    // Ids that are not this team's are refused as a whole, like a single resend's.
    if (totals.sent === 0 && totals.notFound > 0) notFound();
    return { sent: totals.sent, succeeded: totals.succeeded };
  },
});

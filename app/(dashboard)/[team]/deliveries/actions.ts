"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { resendMany } from "@/lib/deliveries/resend-many";

const developer = {
  role: "developer",
  roleMessage: "Viewers cannot resend deliveries; ask a developer or an admin.",
} as const;
const id = z.string().min(1).max(100);

export type ResendResult = { error?: string; status?: string };

export const resendDeliveryAction = action(
  { ...developer, input: z.tuple([id]) },
  async ({ teamId, actor }, deliveryId): Promise<ResendResult> => {
    const attempt = await resendDelivery({ teamId, deliveryId, actor });
    return { status: attempt.status };
  },
);

export type BulkResendResult = {
  error?: string;
  sent?: number;
  succeeded?: number;
};

export const bulkResendAction = action(
  { ...developer, input: z.tuple([z.array(id).max(1000)]) },
  async ({ teamId, actor }, deliveryIds): Promise<BulkResendResult> => {
    const totals = await resendMany({ teamId, deliveryIds, actor });
    // Ids that are not this team's are refused as a whole, like a single resend's.
    if (totals.sent === 0 && totals.notFound > 0) notFound();
    return { sent: totals.sent, succeeded: totals.succeeded };
  },
);

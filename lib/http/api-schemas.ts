import { z } from "zod";
import { deliveryStatus } from "@/db/schema";
import { isRealInstant } from "./real-instant";

// Response shapes shared by the route handlers' answers, the OpenAPI document and the contract
// test, so the three cannot drift apart.
export const timestamp = z.iso
  .datetime({ offset: true })
  .refine(isRealInstant, "is not a real date and time (a day that exists, years 1970 to 9999)");

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

export const deliveryStatusSchema = z.enum(deliveryStatus.enumValues);

import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";

/**
 * What a server action answers for an error lib/ raised: another team's object is simply not
 * there (the 404 page, as pages answer), a refusal or bad input becomes the message the form
 * shows (`roleMessage`, when given, in place of a refusal's own), anything else is a real fault
 * and is thrown.
 */
export function actionFailure(error: unknown, roleMessage?: string): { error: string } {
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ForbiddenError) return { error: roleMessage ?? error.message };
  if (error instanceof InputError) return { error: error.message };
  if (error instanceof ZodError) return { error: error.issues[0]?.message ?? "Invalid input." };
  throw error;
}

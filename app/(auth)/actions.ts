"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/session-cookie";

// Sign-in and sign-up are route handlers (app/api/account/); only signing out is an action.
// It reads nothing it is sent (a form posts its FormData), so it needs no wrapper.
export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}

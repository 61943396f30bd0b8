"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { endSession } from "@/lib/auth/session-cookie";

// Sign-in and sign-up are route handlers (app/api/account/); only signing out is an action.
// Anyone may end the session they hold; a form posts its (empty) FormData, which is all it reads.
export const signOutAction = action(
  { role: "public", input: z.tuple([]).rest(z.instanceof(FormData)) },
  async (): Promise<void> => {
    await endSession();
    redirect("/sign-in");
  },
);

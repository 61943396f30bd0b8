import { accountRoute } from "@/lib/auth/account-route";
import { signUpWithPassword } from "@/lib/auth/password-sign-in";

// The sign-up form posts here (see lib/auth/account-route.ts for why not an action).
export const POST = accountRoute("sign-up", signUpWithPassword);

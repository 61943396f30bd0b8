import { accountRoute } from "@/lib/auth/account-route";
import { signInWithPassword } from "@/lib/auth/password-sign-in";

// The password sign-in form posts here (see lib/auth/account-route.ts for why not an action).
export const POST = accountRoute("sign-in", signInWithPassword);

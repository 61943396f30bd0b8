export type AccountFailureCode = "invalid" | "credentials" | "throttled" | "busy" | "taken";

const MESSAGES: Record<AccountFailureCode, string> = {
  invalid: "Check the email and password and try again.",
  credentials: "Email or password is incorrect.",
  throttled: "Too many attempts. Wait a few minutes, then try again.",
  busy: "Too many sign-ins are being checked right now. Try again in a few seconds.",
  taken: "This email cannot be used to sign up. Sign in instead.",
};

/** What a sign-in or sign-up posted without JavaScript failed on (`?failed=` of the redirect). */
export function accountFailureMessage(code: string | undefined): string | undefined {
  return code && code in MESSAGES ? MESSAGES[code as AccountFailureCode] : undefined;
}

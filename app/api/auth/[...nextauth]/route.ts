import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";

// next-auth's own endpoints (OAuth redirects and callbacks); password sign-in is a server action.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, nextAuthOptions());
}

export { handler as GET, handler as POST };

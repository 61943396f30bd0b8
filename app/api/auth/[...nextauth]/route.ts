import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";
import { problemResponse } from "@/lib/http/problem";

// next-auth's own endpoints (OAuth redirects and callbacks); password sign-in is a server action.
// next-auth parses a JSON body without catching its SyntaxError; that is the client's mistake.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  try {
    return await NextAuth(request as never, context as never, nextAuthOptions());
  } catch (error) {
    if (error instanceof SyntaxError)
      return problemResponse(400, "The body could not be read. Send a form or valid JSON.");
    throw error;
  }
}

export { handler as GET, handler as POST };

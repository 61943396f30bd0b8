import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session-cookie";
import { openingPath } from "@/lib/teams/opening-team";

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? await openingPath(user.id) : "/sign-in");
}

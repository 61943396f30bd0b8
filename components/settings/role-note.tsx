import { type Role } from "@/lib/auth/roles";

const WHO_MAY: Record<Exclude<Role, "viewer">, string> = {
  developer: "developers, admins and owners",
  admin: "admins and owners",
  owner: "owners",
};

/**
 * Shown where a settings tab holds something the member's role may not use: which roles may,
 * and the member's own, instead of a control that would only refuse once used.
 */
export function RoleNote({
  role,
  needs,
  children,
}: {
  role: Role;
  needs: Exclude<Role, "viewer">;
  /** What those roles may do, completing "Only admins and owners can …". */
  children: string;
}) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      Only {WHO_MAY[needs]} can {children}. Your role in this team is {role}.
    </p>
  );
}

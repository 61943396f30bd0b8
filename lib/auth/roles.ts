export const ROLES = ["viewer", "developer", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do: viewer reads; developer also manages endpoints and sources, resends and
 * recovers; admin also manages members, API keys and team settings; owner also deletes the team.
 */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

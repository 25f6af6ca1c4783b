import { z } from "zod";

/** admin: users, connections, API keys, settings · technician: sees all, runs backup actions · viewer: read-only (wall display). */
export const ROLES = ["viewer", "technician", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, technician: 1, admin: 2 };

/** Roles are ordered: an admin may do what a technician may, who may do what a viewer may. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", technician: "Technician", admin: "Admin" };

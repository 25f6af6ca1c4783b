// Every page checks the session and role on the server before it renders anything.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { needsSetup } from "@/lib/services/users";
import { sessionUserFromHeaders, type SessionUser } from "./session";

export async function requirePageUser(minimum: Role = "viewer"): Promise<SessionUser> {
  const user = await sessionUserFromHeaders(await headers());
  if (!user) {
    if (await needsSetup()) redirect("/setup");
    redirect("/signin");
  }
  if (!hasRole(user.role, minimum)) forbidden();
  return user;
}

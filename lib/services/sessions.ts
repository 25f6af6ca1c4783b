// Server-side records of signed-in browsers. The session cookie (a next-auth JWT) names its record; signing
// out deletes it, so a cookie copied before the sign-out stops working at once, while the user's other
// browsers (a wall display, a laptop) stay signed in.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

/** How long a sign-in lasts; the cookie and its record expire together. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export async function createUserSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  // Sign-ins are rare enough to tidy up here: records of sessions nobody can use any more.
  await db().userSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().userSession.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
  return id;
}

export async function endUserSession(id: string): Promise<void> {
  await db().userSession.deleteMany({ where: { id } });
}

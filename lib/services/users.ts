// Users: first-run setup, sign-in, and the admin's user management.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { hashPassword, timingSafeDummyHash, verifyPassword } from "@/lib/auth/password";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/auth/actor";
import { roleSchema, type Role } from "@/lib/schemas/roles";
import {
  createUserInputSchema,
  setupInputSchema,
  updateUserInputSchema,
  type UserDto,
} from "@/lib/schemas/users";
import { recordAudit } from "./audit";

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["user"]["findUnique"]>>>;

export function toUserDto(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleSchema.parse(user.role),
    disabled: user.disabled,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function needsSetup(): Promise<boolean> {
  return (await db().user.count()) === 0;
}

const SETUP_MARKER = "setup.completed";

/** Creates the first admin. Only possible while no user exists; a marker row makes two racing setups fail cleanly. */
export async function completeSetup(input: unknown, origin: Pick<Actor, "ip" | "userAgent">): Promise<UserDto> {
  const data = setupInputSchema.parse(input);
  if (!(await needsSetup())) throw new AppError("conflict", "Setup is already done. Sign in instead.");
  const passwordHash = await hashPassword(data.password);
  const user = await db().$transaction(async (tx) => {
    try {
      await tx.appSetting.create({ data: { key: SETUP_MARKER, value: new Date().toISOString() } });
    } catch {
      throw new AppError("conflict", "Setup is already done. Sign in instead.");
    }
    return tx.user.create({ data: { email: data.email, name: data.name, role: "admin", passwordHash } });
  });
  await recordAudit(
    { type: "user", id: user.id, label: user.email, role: "admin", ...origin },
    { action: "setup.first_admin", outcome: "success", target: { type: "user", id: user.id, label: user.email } },
  );
  return toUserDto(user);
}

/** Scripted installs: ADMIN_EMAIL and ADMIN_PASSWORD create the first admin at start-up. */
export async function ensureAdminFromEnv(): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD || !(await needsSetup())) return;
  try {
    await completeSetup({ email: ADMIN_EMAIL, name: "Administrator", password: ADMIN_PASSWORD }, { ip: "local", userAgent: "startup" });
    logger.info({ email: ADMIN_EMAIL }, "created the first admin from ADMIN_EMAIL");
  } catch (error) {
    logger.error({ err: error instanceof AppError ? error.message : error }, "could not create the admin from ADMIN_EMAIL/ADMIN_PASSWORD");
  }
}

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Checks a password sign-in, with throttling, and records the attempt in the audit log. */
export async function signInWithPassword(
  email: string,
  password: string,
  origin: Pick<Actor, "ip" | "userAgent">,
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const actor: Actor = { type: "user", label: normalized, ...origin };
  const retryAfterSeconds = await signInRetryAfter(normalized, origin.ip);
  if (retryAfterSeconds > 0) {
    await recordAudit(actor, { action: "auth.signin", outcome: "denied", details: { reason: "throttled", retryAfterSeconds } });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  const user = await db().user.findUnique({ where: { email: normalized } });
  const valid = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), password);
  if (!user || !valid) {
    await recordSignInFailure(normalized, origin.ip);
    await recordAudit({ ...actor, id: user?.id }, { action: "auth.signin", outcome: "failure", details: { reason: "invalid credentials" } });
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) {
    await recordAudit({ ...actor, id: user.id }, { action: "auth.signin", outcome: "denied", details: { reason: "account disabled" } });
    return { ok: false, reason: "disabled" };
  }
  await clearSignInFailures(normalized, origin.ip);
  const updated = await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit({ ...actor, id: user.id, role: roleSchema.parse(user.role) }, { action: "auth.signin", outcome: "success" });
  return { ok: true, user: updated };
}

export async function listUsers(): Promise<UserDto[]> {
  const users = await db().user.findMany({ orderBy: [{ disabled: "asc" }, { email: "asc" }] });
  return users.map(toUserDto);
}

export async function createUser(actor: Actor, input: unknown): Promise<UserDto> {
  const data = createUserInputSchema.parse(input);
  if (await db().user.findUnique({ where: { email: data.email } })) {
    throw new AppError("conflict", "A user with this email already exists.", [{ path: "email", message: "Already in use." }]);
  }
  const user = await db().user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
  });
  await recordAudit(actor, {
    action: "user.create",
    outcome: "success",
    target: { type: "user", id: user.id, label: user.email },
    details: { role: data.role },
  });
  return toUserDto(user);
}

async function activeAdminCount(): Promise<number> {
  return db().user.count({ where: { role: "admin", disabled: false } });
}

export async function updateUser(actor: Actor, id: string, input: unknown): Promise<UserDto> {
  const patch = updateUserInputSchema.parse(input);
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", "No such user.");

  const losesAdmin =
    user.role === "admin" && !user.disabled && ((patch.role && patch.role !== "admin") || patch.disabled === true);
  if (losesAdmin && (await activeAdminCount()) <= 1) {
    throw new AppError("conflict", "This is the last active admin. Make another user an admin first.");
  }

  // A new role, a disabled account or a new password ends every session the user has open.
  const endsSessions = (patch.role && patch.role !== user.role) || patch.disabled === true || patch.password !== undefined;
  const updated = await db().user.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
      ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
    },
  });

  const changes: Record<string, unknown> = {};
  if (patch.name !== undefined && patch.name !== user.name) changes.name = { from: user.name, to: patch.name };
  if (patch.role !== undefined && patch.role !== user.role) changes.role = { from: user.role, to: patch.role };
  if (patch.disabled !== undefined && patch.disabled !== user.disabled) changes.disabled = patch.disabled;
  if (patch.password !== undefined) changes.passwordReset = true;
  await recordAudit(actor, {
    action: patch.password !== undefined && Object.keys(changes).length === 1 ? "user.password_reset" : "user.update",
    outcome: "success",
    target: { type: "user", id, label: user.email },
    details: changes,
  });
  return toUserDto(updated);
}

/** The user of a session cookie, if the session was not ended (signed out, expired) and the user may still sign in. */
export async function findActiveUser(id: string, sessionVersion: number, sessionId: string) {
  const session = await db().userSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.userId !== id || session.expiresAt.getTime() <= Date.now()) return null;
  const { user } = session;
  if (user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: roleSchema.parse(user.role) as Role, timeZone: user.timeZone ?? null };
}


/** The signed-in user's own time zone (IANA name, already validated), or null for the browser's. */
export async function setOwnTimeZone(userId: string, timeZone: string | null) {
  const user = await db().user.update({ where: { id: userId }, data: { timeZone } });
  return { id: user.id, email: user.email, name: user.name, role: roleSchema.parse(user.role) as Role, timeZone: user.timeZone ?? null };
}

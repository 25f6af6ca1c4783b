// Display links: an admin creates one per wall screen, names it, scopes it to all customers or some, and revokes
// it. The token is shown once; only its SHA-256 is stored (a 256-bit random value: nothing to guess, so a fast
// hash is right, as for the Public API keys). A link never expires on its own: a wall must survive the night.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import {
  WALL_PAGES,
  createDisplayLinkInputSchema,
  updateDisplayLinkInputSchema,
  wallPageSchema,
  type CreatedDisplayLinkDto,
  type DisplayLinkDto,
  type WallPage,
} from "@/lib/schemas/display-links";
import { recordAudit } from "./audit";

export const TOKEN_PREFIX = "bcdl_";
const SHOWN = TOKEN_PREFIX.length + 6;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before touching the database. */
export function looksLikeToken(value: string | null | undefined): value is string {
  return !!value && value.length === TOKEN_PREFIX.length + 43 && value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]+$/.test(value.slice(TOKEN_PREFIX.length));
}

export const wallPath = (token: string) => `/wall/${token}`;

type LinkRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["displayLink"]["findUnique"]>>>;

/** null: every customer. A list that is not a list scopes to nothing, never to everything. */
export function customerIdsOf(row: { allCustomers: boolean; customerIds: unknown }): string[] | null {
  if (row.allCustomers) return null;
  return Array.isArray(row.customerIds) ? row.customerIds.filter((v): v is string => typeof v === "string") : [];
}

export function pagesOf(row: { pages: unknown }): WallPage[] {
  const pages = Array.isArray(row.pages) ? row.pages.filter((p): p is WallPage => wallPageSchema.safeParse(p).success) : [];
  return pages.length ? pages : [...WALL_PAGES];
}

async function toDtos(rows: LinkRow[]): Promise<DisplayLinkDto[]> {
  const ids = [...new Set(rows.flatMap((r) => customerIdsOf(r) ?? []))];
  const names = new Map((ids.length ? await db().mspCustomer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((c) => [c.id, c.name]));
  return rows.map((row) => {
    const customerIds = customerIdsOf(row);
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      customers: customerIds ? customerIds.map((id) => ({ id, name: names.get(id) ?? "Removed customer" })) : null,
      pages: pagesOf(row),
      rotateSeconds: row.rotateSeconds,
      refreshSeconds: row.refreshSeconds,
      lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
      lastSeenIp: row.lastSeenIp,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdByLabel,
    };
  });
}

async function linkRow(id: string): Promise<LinkRow> {
  const row = await db().displayLink.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such display link.");
  return row;
}

async function checkCustomers(ids: string[] | null | undefined): Promise<void> {
  if (!ids) return;
  const unique = [...new Set(ids)];
  const found = new Set((await db().mspCustomer.findMany({ where: { id: { in: unique } }, select: { id: true } })).map((c) => c.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError("validation_failed", "There is no such customer.", [{ path: `customerIds.${missing}`, message: "No such customer." }]);
}

const auditTarget = (row: { id: string; name: string; prefix: string }) => ({ type: "display_link", id: row.id, label: `${row.name} (${row.prefix}…)` });

export async function listDisplayLinks(): Promise<DisplayLinkDto[]> {
  // Active links first, then the revoked ones (kept so that "last seen" and who revoked stay readable).
  const rows = await db().displayLink.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return toDtos([...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)]);
}

export async function createDisplayLink(actor: Actor, input: unknown): Promise<CreatedDisplayLinkDto> {
  const data = createDisplayLinkInputSchema.parse(input);
  await checkCustomers(data.customerIds);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db().displayLink.create({
    data: {
      name: data.name,
      prefix: token.slice(0, SHOWN),
      tokenHash: hashToken(token),
      allCustomers: data.customerIds === null,
      customerIds: data.customerIds === null ? undefined : [...new Set(data.customerIds)],
      pages: data.pages,
      rotateSeconds: data.rotateSeconds,
      refreshSeconds: data.refreshSeconds,
      createdById: actor.id ?? null,
      createdByLabel: actor.label ?? null,
    },
  });
  await recordAudit(actor, {
    action: "display_link.create",
    outcome: "success",
    target: auditTarget(row),
    details: { customerIds: data.customerIds, pages: data.pages, rotateSeconds: data.rotateSeconds, refreshSeconds: data.refreshSeconds },
  });
  return { link: (await toDtos([row]))[0]!, token, path: wallPath(token) };
}

export async function updateDisplayLink(actor: Actor, id: string, input: unknown): Promise<DisplayLinkDto> {
  const data = updateDisplayLinkInputSchema.parse(input);
  const before = await linkRow(id);
  if (before.revokedAt) throw new AppError("conflict", "This display link is revoked; create a new one.");
  await checkCustomers(data.customerIds);
  const row = await db().displayLink.update({
    where: { id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.customerIds === null ? { allCustomers: true } : {}),
      ...(data.customerIds ? { allCustomers: false, customerIds: [...new Set(data.customerIds)] } : {}),
      ...(data.pages !== undefined ? { pages: data.pages } : {}),
      ...(data.rotateSeconds !== undefined ? { rotateSeconds: data.rotateSeconds } : {}),
      ...(data.refreshSeconds !== undefined ? { refreshSeconds: data.refreshSeconds } : {}),
    },
  });
  await recordAudit(actor, {
    action: "display_link.update",
    outcome: "success",
    target: auditTarget(row),
    details: { changed: data, before: { customerIds: customerIdsOf(before), pages: pagesOf(before), rotateSeconds: before.rotateSeconds, refreshSeconds: before.refreshSeconds } },
  });
  return (await toDtos([row]))[0]!;
}

/** Revokes a link: its wall blanks at its next refresh. Revoking twice changes nothing. */
export async function revokeDisplayLink(actor: Actor, id: string): Promise<DisplayLinkDto> {
  const before = await linkRow(id);
  if (before.revokedAt) return (await toDtos([before]))[0]!;
  const row = await db().displayLink.update({ where: { id }, data: { revokedAt: new Date() } });
  await recordAudit(actor, { action: "display_link.revoke", outcome: "success", target: auditTarget(row) });
  return (await toDtos([row]))[0]!;
}

/** "Last seen" is written at most once a minute per link: a wall polling every few seconds costs no writes. */
const SEEN_EVERY_MS = 60_000;

export interface WallLink {
  id: string;
  name: string;
  customerIds: string[] | null;
  pages: WallPage[];
  rotateSeconds: number;
  refreshSeconds: number;
}

/**
 * The link a wall's request carries (`Authorization: Bearer bcdl_…`), or a 401 that says whether the link was
 * revoked (the wall then blanks itself and says so) or is not known.
 */
export async function authenticateDisplayLink(authorization: string | null, ip: string | undefined, now = new Date()): Promise<WallLink> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!looksLikeToken(token)) throw new AppError("unauthorized", "Open the wall with a display link.", { reason: "missing" });
  const row = await db().displayLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) throw new AppError("unauthorized", "This display link is not valid.", { reason: "unknown" });
  if (row.revokedAt) throw new AppError("unauthorized", "This display link was revoked by an admin.", { reason: "revoked" });
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() > SEEN_EVERY_MS || row.lastSeenIp !== (ip ?? null)) {
    await db().displayLink.update({ where: { id: row.id }, data: { lastSeenAt: now, lastSeenIp: ip ?? null } });
  }
  return { id: row.id, name: row.name, customerIds: customerIdsOf(row), pages: pagesOf(row), rotateSeconds: row.rotateSeconds, refreshSeconds: row.refreshSeconds };
}

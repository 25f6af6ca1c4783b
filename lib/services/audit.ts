// The audit log: who did what, when, from where, to which target, with what outcome. Append-only:
// this module is the only writer and offers no update or delete.
import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import type { Actor } from "@/lib/auth/actor";

import type { AuditOutcome, AuditPageDto, AuditQuery } from "@/lib/schemas/audit";

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  target?: { type: string; id?: string; label?: string };
  details?: Record<string, unknown>;
}

export async function recordAudit(actor: Actor, entry: AuditEntry): Promise<void> {
  await db().auditEvent.create({
    data: {
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label ?? null,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
      action: entry.action,
      outcome: entry.outcome,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetLabel: entry.target?.label ?? null,
      details: (entry.details ?? undefined) as never,
    },
  });
  logger.info({ audit: { ...entry, actor: actor.label ?? actor.type } }, `audit ${entry.action} ${entry.outcome}`);
}

export async function listAuditEvents(query: AuditQuery): Promise<AuditPageDto> {
  const where = {
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.actor ? { actorLabel: { contains: query.actor } } : {}),
    ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: endOfDayIfDate(query.to) } : {}) } }
      : {}),
  };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({ ...row, at: row.at.toISOString() })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

function endOfDayIfDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

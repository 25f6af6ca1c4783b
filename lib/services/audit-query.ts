import { z } from "zod";

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  targetType: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** The id of the last event of the previous page; events come newest first. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;


// The MSP's customers: list them with their vendor customers, rename them, set their overdue window, link vendor
// customers to them and unlink them again, and suggest links by similar names. Each change is audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Vendor } from "@/lib/vendors/catalog";
import type {
  CustomerDto,
  CustomerListQuery,
  CustomerSuggestionDto,
  DismissedSuggestionDto,
  DismissSuggestionInput,
  LinkCustomersInput,
  Page,
  UpdateCustomerInput,
  VendorCustomerDto,
} from "@/lib/schemas/customers";
import { recordAudit } from "./audit";
import { asVendor, paging, textContains } from "./listing";

const vendorCustomerSelect = {
  id: true,
  vendor: true,
  name: true,
  kind: true,
  removedAt: true,
  connection: { select: { id: true, name: true } },
} as const;

type MspRow = {
  id: string;
  name: string;
  overdueWindowHours: number | null;
  vendorCustomers: { id: string; vendor: string; name: string; kind: string; removedAt: Date | null; connection: { id: string; name: string } }[];
};

/** Current endpoints per vendor customer. */
async function endpointCounts(vendorCustomerIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < vendorCustomerIds.length; i += 500) {
    const rows = await db().endpoint.groupBy({ by: ["customerId"], where: { removedAt: null, customerId: { in: vendorCustomerIds.slice(i, i + 500) } }, _count: { _all: true } });
    for (const row of rows) if (row.customerId) out.set(row.customerId, row._count._all);
  }
  return out;
}

async function toDtos(rows: MspRow[]): Promise<CustomerDto[]> {
  const counts = await endpointCounts(rows.flatMap((r) => r.vendorCustomers.map((v) => v.id)));
  return rows.map((row) => {
    const vendorCustomers: VendorCustomerDto[] = row.vendorCustomers
      .map((v) => ({ id: v.id, vendor: asVendor(v.vendor), name: v.name, kind: v.kind, connection: v.connection, endpointCount: counts.get(v.id) ?? 0, removed: v.removedAt !== null }))
      .sort((a, b) => Number(a.removed) - Number(b.removed) || a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name));
    return {
      id: row.id,
      name: row.name,
      overdueWindowHours: row.overdueWindowHours,
      endpointCount: vendorCustomers.reduce((sum, v) => sum + v.endpointCount, 0),
      vendors: [...new Set(vendorCustomers.filter((v) => !v.removed).map((v) => v.vendor))].sort(),
      vendorCustomers,
    };
  });
}

export async function listCustomers(query: CustomerListQuery): Promise<Page<CustomerDto>> {
  const current = { removedAt: null, ...(query.vendor ? { vendor: query.vendor } : {}), ...(query.connectionId ? { connectionId: query.connectionId } : {}) };
  const where = {
    vendorCustomers: { some: current },
    ...(query.q ? { OR: [{ name: textContains(query.q) }, { vendorCustomers: { some: { name: textContains(query.q) } } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db().mspCustomer.count({ where }),
    db().mspCustomer.findMany({ where, orderBy: [{ name: query.order }, { id: "asc" }], include: { vendorCustomers: { select: vendorCustomerSelect } }, ...paging(query) }),
  ]);
  return { items: await toDtos(rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getCustomer(id: string): Promise<CustomerDto> {
  const row = await db().mspCustomer.findUnique({ where: { id }, include: { vendorCustomers: { select: vendorCustomerSelect } } });
  if (!row) throw new AppError("not_found", "There is no such customer (it may have been linked into another).");
  const [dto] = await toDtos([row]);
  return dto!;
}

export async function updateCustomer(actor: Actor, id: string, input: UpdateCustomerInput): Promise<CustomerDto> {
  const before = await db().mspCustomer.findUnique({ where: { id } });
  if (!before) throw new AppError("not_found", "There is no such customer (it may have been linked into another).");
  await db().mspCustomer.update({
    where: { id },
    data: {
      ...(input.name !== undefined && input.name !== before.name ? { name: input.name, customName: true } : {}),
      ...(input.overdueWindowHours !== undefined ? { overdueWindowHours: input.overdueWindowHours } : {}),
    },
  });
  if (input.name !== undefined && input.name !== before.name) {
    await recordAudit(actor, { action: "customer.rename", outcome: "success", target: { type: "customer", id, label: input.name }, details: { before: before.name, after: input.name } });
  }
  if (input.overdueWindowHours !== undefined && input.overdueWindowHours !== before.overdueWindowHours) {
    await recordAudit(actor, {
      action: "customer.settings",
      outcome: "success",
      target: { type: "customer", id, label: input.name ?? before.name },
      details: { overdueWindowHours: { before: before.overdueWindowHours, after: input.overdueWindowHours } },
    });
  }
  return getCustomer(id);
}

/**
 * Links vendor customers to a customer. A customer left without vendor customers is removed; API keys scoped to
 * it follow to this one (the admin said they are the same customer).
 */
export async function linkVendorCustomers(actor: Actor, id: string, input: LinkCustomersInput): Promise<CustomerDto> {
  const client = db();
  const target = await client.mspCustomer.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!target) throw new AppError("not_found", "There is no such customer (it may have been linked into another).");
  const vendorCustomers = await client.customer.findMany({
    where: { id: { in: input.vendorCustomerIds } },
    select: { id: true, name: true, vendor: true, mspCustomerId: true, mspCustomer: { select: { name: true } } },
  });
  const missing = input.vendorCustomerIds.filter((v) => !vendorCustomers.some((c) => c.id === v));
  if (missing.length) {
    throw new AppError("validation_failed", "Some of these vendor customers do not exist.", missing.map((v) => ({ path: "vendorCustomerIds", message: `No vendor customer ${v}.` })));
  }
  const moving = vendorCustomers.filter((c) => c.mspCustomerId !== id);
  const left = [...new Set(moving.map((c) => c.mspCustomerId).filter((m): m is string => !!m))];
  await client.$transaction(async (tx) => {
    await tx.customer.updateMany({ where: { id: { in: moving.map((c) => c.id) } }, data: { mspCustomerId: id } });
    const emptied = (await tx.mspCustomer.findMany({ where: { id: { in: left }, vendorCustomers: { none: {} } }, select: { id: true } })).map((m) => m.id);
    if (emptied.length) {
      await tx.publicApiKey.updateMany({ where: { customerId: { in: emptied } }, data: { customerId: id } });
      await tx.mspCustomer.deleteMany({ where: { id: { in: emptied } } });
    }
  });
  for (const c of moving) {
    await recordAudit(actor, {
      action: "customer.link",
      outcome: "success",
      target: { type: "customer", id, label: target.name },
      details: { vendorCustomerId: c.id, vendor: c.vendor, vendorCustomer: c.name, from: c.mspCustomer?.name ?? null },
    });
  }
  return getCustomer(id);
}

/** Unlinks a vendor customer: it becomes its own customer again, named as the vendor names it. */
export async function unlinkVendorCustomer(actor: Actor, id: string, vendorCustomerId: string): Promise<CustomerDto> {
  const client = db();
  const customer = await client.mspCustomer.findUnique({ where: { id }, select: { id: true, name: true, vendorCustomers: { select: { id: true, name: true, vendor: true } } } });
  if (!customer) throw new AppError("not_found", "There is no such customer (it may have been linked into another).");
  const vendorCustomer = customer.vendorCustomers.find((v) => v.id === vendorCustomerId);
  if (!vendorCustomer) throw new AppError("not_found", "That vendor customer is not linked to this customer.");
  if (customer.vendorCustomers.length === 1) throw new AppError("conflict", "This is the customer's only vendor customer: it already is a customer on its own.");
  const ownId = (await client.mspCustomer.findUnique({ where: { id: vendorCustomer.id }, select: { id: true } })) ? randomUUID() : vendorCustomer.id;
  await client.$transaction([
    client.mspCustomer.create({ data: { id: ownId, name: vendorCustomer.name } }),
    client.customer.update({ where: { id: vendorCustomer.id }, data: { mspCustomerId: ownId } }),
  ]);
  await recordAudit(actor, {
    action: "customer.unlink",
    outcome: "success",
    target: { type: "customer", id, label: customer.name },
    details: { vendorCustomerId: vendorCustomer.id, vendor: vendorCustomer.vendor, vendorCustomer: vendorCustomer.name, nowCustomer: ownId },
  });
  return getCustomer(id);
}

// ------------------------------------------------------------------------------------------ suggestions

const LEGAL_FORMS = new Set([
  "inc", "incorporated", "llc", "llp", "ltd", "limited", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "kg", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "pty", "oy", "ab", "as", "the", "and", "group",
]);

/** "Acme, Inc." and "ACME Inc" both become "acme". */
export function normalizeCustomerName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(" ");
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const s = text.replace(/ /g, "");
  for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice coefficient of the normalized names' letter pairs: 1 for the same name, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const [na, nb] = [normalizeCustomerName(a), normalizeCustomerName(b)];
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const [ba, bb] = [bigrams(na), bigrams(nb)];
  let shared = 0;
  for (const [gram, count] of ba) shared += Math.min(count, bb.get(gram) ?? 0);
  const size = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  return size(ba) + size(bb) === 0 ? 0 : (2 * shared) / (size(ba) + size(bb));
}

export const SUGGESTION_THRESHOLD = 0.8;

/**
 * Customers that are probably one: names alike, and no connection in common (two companies of one MSP360 account
 * are two customers on purpose). Best matches first; the customer with more endpoints is the one kept.
 */
export async function suggestCustomerLinks(limit = 50): Promise<CustomerSuggestionDto[]> {
  const rows = await db().mspCustomer.findMany({
    where: { vendorCustomers: { some: { removedAt: null } } },
    include: { vendorCustomers: { select: vendorCustomerSelect } },
  });
  const customers = (await toDtos(rows)).map((c) => ({ ...c, normalized: normalizeCustomerName(c.name), connections: new Set(c.vendorCustomers.map((v) => v.connection.id)) }));
  // Only pairs that share a word are compared: linear in practice instead of every pair.
  const byWord = new Map<string, number[]>();
  customers.forEach((c, index) => {
    for (const word of new Set(c.normalized.split(" ").filter((w) => w.length >= 3 || c.normalized.length < 3))) {
      byWord.set(word, [...(byWord.get(word) ?? []), index]);
    }
  });
  const seen = new Set<string>();
  // Pairs an admin dismissed stay dismissed (the pair is stored in id order, as `key` below).
  for (const d of await db().customerLinkDismissal.findMany({ select: { customerAId: true, customerBId: true } })) seen.add(`${d.customerAId}|${d.customerBId}`);
  const out: CustomerSuggestionDto[] = [];
  for (const indexes of byWord.values()) {
    if (indexes.length > 200) continue; // a word most names share says nothing
    for (let i = 0; i < indexes.length; i++) {
      for (let j = i + 1; j < indexes.length; j++) {
        const [a, b] = [customers[indexes[i]!]!, customers[indexes[j]!]!];
        const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if ([...a.connections].some((c) => b.connections.has(c))) continue;
        const similarity = nameSimilarity(a.name, b.name);
        if (similarity < SUGGESTION_THRESHOLD) continue;
        const [into, merge] = a.endpointCount > b.endpointCount || (a.endpointCount === b.endpointCount && a.name <= b.name) ? [a, b] : [b, a];
        const brief = (c: typeof a) => ({ id: c.id, name: c.name, vendors: c.vendors as Vendor[], endpointCount: c.endpointCount });
        out.push({ into: brief(into), merge: brief(merge), vendorCustomerIds: merge.vendorCustomers.map((v: VendorCustomerDto) => v.id), similarity: Math.round(similarity * 100) / 100 });
      }
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.into.name.localeCompare(y.into.name)).slice(0, limit);
}

// ------------------------------------------------------------------------------------------ dismissals

const dismissedCustomerSelect = { select: { id: true, name: true, vendorCustomers: { where: { removedAt: null }, select: { vendor: true } } } } as const;
const dismissalSelect = { id: true, dismissedBy: true, createdAt: true, customerA: dismissedCustomerSelect, customerB: dismissedCustomerSelect } as const;
type DismissedCustomerRow = { id: string; name: string; vendorCustomers: { vendor: string }[] };

function toDismissedDto(row: { id: string; dismissedBy: string; createdAt: Date; customerA: DismissedCustomerRow; customerB: DismissedCustomerRow }): DismissedSuggestionDto {
  const brief = (c: DismissedCustomerRow) => ({ id: c.id, name: c.name, vendors: [...new Set(c.vendorCustomers.map((v) => asVendor(v.vendor)))].sort() });
  return { id: row.id, customers: [brief(row.customerA), brief(row.customerB)], dismissedBy: row.dismissedBy, dismissedAt: row.createdAt.toISOString() };
}

/** Dismisses the suggestion to link two customers: they are not one, and it is not suggested again. */
export async function dismissCustomerSuggestion(actor: Actor, input: DismissSuggestionInput): Promise<DismissedSuggestionDto> {
  const [customerAId, customerBId] = [...input.customerIds].sort() as [string, string];
  if (customerAId === customerBId) throw new AppError("validation_failed", "A suggestion names two different customers.");
  const customers = await db().mspCustomer.findMany({ where: { id: { in: [customerAId, customerBId] } }, select: { id: true, name: true } });
  if (customers.length !== 2) throw new AppError("not_found", "There is no such customer (it may have been linked into another).");
  const dismissedBy = actor.label ?? actor.type;
  const row = await db().customerLinkDismissal.upsert({
    where: { customerAId_customerBId: { customerAId, customerBId } },
    create: { customerAId, customerBId, dismissedBy },
    update: {},
    select: dismissalSelect,
  });
  await recordAudit(actor, {
    action: "customer.suggestion.dismiss",
    outcome: "success",
    target: { type: "customer", id: customerAId, label: row.customerA.name },
    details: { customers: customers.map((c) => c.name), customerIds: [customerAId, customerBId] },
  });
  return toDismissedDto(row);
}

/** Dismissed suggestions, latest first, to look back at or undo. */
export async function listDismissedSuggestions(): Promise<DismissedSuggestionDto[]> {
  const rows = await db().customerLinkDismissal.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200, select: dismissalSelect });
  return rows.map(toDismissedDto);
}

/** Undoes a dismissal: the pair is suggested again while the names stay alike. */
export async function restoreCustomerSuggestion(actor: Actor, id: string): Promise<void> {
  const row = await db().customerLinkDismissal.findUnique({ where: { id }, select: dismissalSelect });
  if (!row) throw new AppError("not_found", "There is no such dismissed suggestion.");
  await db().customerLinkDismissal.delete({ where: { id } });
  await recordAudit(actor, {
    action: "customer.suggestion.restore",
    outcome: "success",
    target: { type: "customer", id: row.customerA.id, label: row.customerA.name },
    details: { customers: [row.customerA.name, row.customerB.name], customerIds: [row.customerA.id, row.customerB.id] },
  });
}

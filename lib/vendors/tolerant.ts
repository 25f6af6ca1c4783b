// Reading vendor answers tolerantly. Real services differ from their documents: other casings of field names and
// enumeration values, numbers sent as strings (and the reverse), nulls where a field is optional, fields added
// over time. The schemas in lib/vendors/<vendor>/schemas.ts describe the documented shape; `lenient` bends an
// answer towards that shape before it is checked, `tolerantList` keeps one bad item from sinking a list, and
// `ReadNotes` collects what was odd so that the sync can say it in a warning.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------- notes

/** What was odd in the vendor's answers, grouped by kind so that 10,000 odd items make one warning, not 10,000. */
export class ReadNotes {
  private readonly groups = new Map<string, { count: number; examples: string[] }>();
  private readonly skippedIds = new Map<string, string[]>();

  /** An item left out of a list; its id, when it has one, is kept so that the app does not take it for removed. */
  skip(what: string, id: string | null): void {
    if (id === null) return;
    const ids = this.skippedIds.get(what) ?? [];
    ids.push(id);
    this.skippedIds.set(what, ids);
  }

  /** The ids of the `what` items left out since the last call (and forgets them). */
  takeSkipped(what: string): string[] {
    const ids = this.skippedIds.get(what) ?? [];
    this.skippedIds.delete(what);
    return ids;
  }

  /** `kind` says what was odd ("unknown backup state \"Frozen\""), `where` which item ("backup 1234"). */
  add(kind: string, where: string): void {
    const group = this.groups.get(kind) ?? { count: 0, examples: [] };
    group.count++;
    if (group.examples.length < 3) group.examples.push(where);
    this.groups.set(kind, group);
  }

  get size(): number {
    return this.groups.size;
  }

  /** One sentence per kind; the notes are emptied (a client reads several snapshots in its life). */
  take(): string[] {
    const lines = [...this.groups].map(([kind, { count, examples }]) => {
      const more = count > examples.length ? `, and ${count - examples.length} more` : "";
      return `${kind}: ${examples.join(", ")}${more}`;
    });
    this.groups.clear();
    return lines;
  }
}

// ---------------------------------------------------------------------------------------------- enumerations

/** Case, spaces, underscores and hyphens do not matter: "Completed WithErrors", "completed_with_errors". */
export function looseKey(value: string): string {
  return value.replace(/[\s_-]+/g, "").toLowerCase();
}

/** The documented spelling of `value` among `values`, or null for a value the documents do not know. */
export function matchEnum<T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  if (value === null || value === undefined) return null;
  const key = looseKey(String(value));
  return values.find((candidate) => looseKey(candidate) === key) ?? null;
}

// ---------------------------------------------------------------------------------------------- lenient shapes

type AnySchema = z.ZodType;
type Def = { type: string; [key: string]: unknown };

const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Whether `schema` takes null as it is (nullable somewhere in its wrappers). */
function acceptsNull(schema: AnySchema): boolean {
  return schema.safeParse(null).success;
}

/**
 * `value` reshaped towards `schema` where the difference is only in form: field names matched without regard to
 * case, numbers from numeric strings and strings from numbers, booleans from "true"/"false", enumeration values in
 * their documented spelling, null dropped from optional fields that do not take null, a missing nullable field
 * set to null. Unknown fields are kept. Anything else is left for the schema to judge.
 */
export function reshape(schema: AnySchema, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional": {
      if (value === null && !acceptsNull(schema)) return undefined;
      return value === undefined ? value : reshape(def.innerType as AnySchema, value);
    }
    case "nullable":
      return value === null || value === undefined ? value : reshape(def.innerType as AnySchema, value);
    case "pipe":
      return reshape(def.in as AnySchema, value);
    case "lazy":
      return reshape((def.getter as () => AnySchema)(), value);
    case "object":
      return reshapeObject(def.shape as Record<string, AnySchema>, value);
    case "array":
      return Array.isArray(value) ? value.map((item) => reshape(def.element as AnySchema, item)) : value;
    case "record":
      if (!isRecord(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reshape(def.valueType as AnySchema, item)]));
    case "union": {
      // A value one option takes as it is stays as the vendor sent it.
      if (schema.safeParse(value).success) return value;
      for (const option of def.options as AnySchema[]) {
        const candidate = reshape(option, value);
        if (option.safeParse(candidate).success) return candidate;
      }
      return value;
    }
    case "number":
      return typeof value === "string" && NUMERIC.test(value) ? Number(value) : value;
    case "string":
      return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
    case "boolean":
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
      return value;
    case "enum": {
      if (typeof value !== "string" && typeof value !== "number") return value;
      const values = Object.values(def.entries as Record<string, string | number>).filter((v): v is string => typeof v === "string");
      return matchEnum(values, String(value)) ?? value;
    }
    case "literal": {
      const values = def.values as unknown[];
      if (typeof value === "string") return values.find((v) => typeof v === "string" && looseKey(v) === looseKey(value)) ?? value;
      return value;
    }
    default:
      return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function reshapeObject(shape: Record<string, AnySchema>, value: unknown): unknown {
  if (!isRecord(value)) return value;
  const byLooseKey = new Map<string, string>();
  for (const key of Object.keys(value)) if (!byLooseKey.has(key.toLowerCase())) byLooseKey.set(key.toLowerCase(), key);
  const out: Record<string, unknown> = {};
  const used = new Set<string>();
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const actual = key in value ? key : byLooseKey.get(key.toLowerCase());
    if (actual === undefined) {
      // A nullable field the vendor left out means the same as null.
      if (acceptsNull(fieldSchema) && !fieldSchema.safeParse(undefined).success) out[key] = null;
      continue;
    }
    used.add(actual);
    const reshaped = reshape(fieldSchema, value[actual]);
    if (reshaped !== undefined) out[key] = reshaped;
  }
  // Fields the documents do not name are kept: they end up in the stored raw payload.
  for (const [key, item] of Object.entries(value)) if (!used.has(key) && !(key in out)) out[key] = item;
  return out;
}

/** `schema`, reading answers that differ from it only in form (see `reshape`). */
export function lenient<T extends AnySchema>(schema: T): z.ZodType<z.output<T>> {
  return z.preprocess((value) => reshape(schema, value), schema) as unknown as z.ZodType<z.output<T>>;
}

// ---------------------------------------------------------------------------------------------- lists

export interface ListReading<T> {
  /** What the list holds, for the warning: "agent", "backup configuration". */
  what: string;
  /** The item's vendor id, read from the raw item, to name a bad one. */
  idOf: (raw: Record<string, unknown>) => unknown;
  notes: ReadNotes;
  /** Turns a good item into what the caller works with. */
  map?: (item: T) => unknown;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return `${issue.path.length ? issue.path.join(".") : "the item"}: ${issue.message}`;
}

/** A value read from a raw item by field name, whatever its casing. */
export function fieldOf(raw: Record<string, unknown>, name: string): unknown {
  if (name in raw) return raw[name];
  const key = Object.keys(raw).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : raw[key];
}

/**
 * A list whose items are read one by one: an item that does not fit `item` is left out, and the notes say which
 * (by its vendor id) and why (the first field at fault). A null list reads as empty.
 */
export function tolerantList<T extends AnySchema, R = z.output<T>>(item: T, reading: ListReading<z.output<T>>): z.ZodType<R[]> {
  const itemSchema = lenient(item);
  return z
    .array(z.unknown())
    .nullable()
    .transform((items) => {
      const kept: R[] = [];
      for (const [index, raw] of (items ?? []).entries()) {
        const parsed = itemSchema.safeParse(raw);
        if (parsed.success) {
          kept.push((reading.map ? reading.map(parsed.data) : parsed.data) as R);
          continue;
        }
        const id = isRecord(raw) ? reading.idOf(raw) : undefined;
        const known = id !== undefined && id !== null && id !== "";
        const name = known ? `${reading.what} ${String(id)}` : `item ${index + 1}`;
        reading.notes.skip(reading.what, known ? String(id) : null);
        reading.notes.add(`Left out ${reading.what}s the vendor sent in an unreadable form`, `${name} (${firstIssue(parsed.error)})`);
      }
      return kept;
    }) as unknown as z.ZodType<R[]>;
}

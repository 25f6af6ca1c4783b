// Where the demo's replay of its simulated past stands, stored as an app setting so that a restart continues
// it instead of starting over. Plain JSON: nothing in it is secret.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";

const REPLAY_SETTING = "demo.replay";

const replayStateSchema = z.object({
  /** Simulated time the replay starts at (install time minus its days). */
  from: z.number().int(),
  days: z.number().int().positive(),
  /** Simulated time between two steps, and how many steps apart each vendor is synced. */
  stepMs: z.number().int().positive(),
  syncEvery: z.record(z.string(), z.number().int().positive()),
  /** The simulated time synced last; null before the first step. */
  syncedThrough: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  /** The app instance running it and when it last moved: another instance takes over a silent runner. */
  runner: z.string().nullable(),
  heartbeatAt: z.number().int().nullable(),
});
export type ReplayState = z.infer<typeof replayStateSchema>;

export interface StoredReplay {
  state: ReplayState;
  /** The stored text, for compare-and-set writes. */
  raw: string;
}

export async function loadReplay(): Promise<StoredReplay | null> {
  const row = await db().appSetting.findUnique({ where: { key: REPLAY_SETTING } });
  if (!row) return null;
  const parsed = replayStateSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? { state: parsed.data, raw: row.value } : null;
}

export async function createReplay(state: ReplayState): Promise<void> {
  const value = JSON.stringify(state);
  await db().appSetting.upsert({ where: { key: REPLAY_SETTING }, create: { key: REPLAY_SETTING, value }, update: { value } });
}

/** Writes `next` only if the stored state is still `previous`: false when another writer (or a removal) came first. */
export async function replaceReplay(previous: StoredReplay, next: ReplayState): Promise<StoredReplay | null> {
  const value = JSON.stringify(next);
  const { count } = await db().appSetting.updateMany({ where: { key: REPLAY_SETTING, value: previous.raw }, data: { value } });
  return count === 1 ? { state: next, raw: value } : null;
}

export async function deleteReplay(): Promise<void> {
  await db().appSetting.deleteMany({ where: { key: REPLAY_SETTING } });
}

// The demo's settings and simulator credentials, stored as one vault-encrypted app setting.
import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { decryptSecret, encryptSecret } from "@/lib/vault/vault";

const DEMO_SETTING = "demo.config";
const CONTEXT = "setting:demo.config";

const demoConfigSchema = z.object({
  seed: z.number().int(),
  endpoints: z.number().int().positive(),
  /** When the demo was installed: the simulated fleet is built around it, so a replay of its past meets the same fleet. */
  installedAt: z.number().int().optional(),
  msp360: z.object({ login: z.string(), password: z.string() }),
  rackspace: z.object({ username: z.string(), apiKey: z.string() }),
});
export type DemoConfig = z.infer<typeof demoConfigSchema>;

export function newDemoConfig(endpoints: number, seed = randomInt(1, 1_000_000)): DemoConfig {
  const token = () => randomBytes(18).toString("base64url");
  return {
    seed,
    endpoints,
    installedAt: Date.now(),
    msp360: { login: `demo-${token().slice(0, 8)}`, password: token() },
    rackspace: { username: `demo-${token().slice(0, 8)}`, apiKey: token() },
  };
}

export async function loadDemoConfig(): Promise<DemoConfig | null> {
  const row = await db().appSetting.findUnique({ where: { key: DEMO_SETTING } });
  if (!row) return null;
  return demoConfigSchema.parse(JSON.parse(decryptSecret(row.value, CONTEXT)));
}

export async function saveDemoConfig(config: DemoConfig): Promise<void> {
  const value = encryptSecret(JSON.stringify(config), CONTEXT).ciphertext;
  await db().appSetting.upsert({ where: { key: DEMO_SETTING }, create: { key: DEMO_SETTING, value }, update: { value } });
}

export async function deleteDemoConfig(): Promise<void> {
  await db().appSetting.deleteMany({ where: { key: DEMO_SETTING } });
}

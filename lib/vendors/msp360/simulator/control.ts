// The simulator's own control route (besides the kit's `/_sim/*`): `POST /_simctl/msp360/credentials`
// `{"login": "demo", "newPassword": "...", "newLogin"?: "..."}` changes a provider's API credentials, and every
// token issued before stops working. Not part of MSP360's API; hidden with `control: false`.
import { z } from "zod";
import { json } from "./http";
import type { Msp360World } from "./world";

export const CONTROL_PREFIX = "/_simctl/";
export const CREDENTIALS_CONTROL_PATH = "/_simctl/msp360/credentials";

const credentialChangeSchema = z
  .object({ login: z.string().min(1), newPassword: z.string().min(3).max(100).optional(), newLogin: z.string().min(1).optional() })
  .refine((body) => body.newPassword !== undefined || body.newLogin !== undefined);

export function isControlPath(path: string): boolean {
  return path.toLowerCase().startsWith(CONTROL_PREFIX);
}

export async function answerControl(world: Msp360World, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path.toLowerCase() !== CREDENTIALS_CONTROL_PATH || request.method.toUpperCase() !== "POST") {
    return json({ error: { code: "not_found", message: `no control route ${request.method} ${path}` } }, 404);
  }
  const parsed = credentialChangeSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return json({ error: { code: "bad_request", message: "expected {login, newPassword?, newLogin?}" } }, 400);
  }
  const { login, newPassword, newLogin } = parsed.data;
  const outcome = world.changeCredentials(login, { password: newPassword, login: newLogin });
  if (outcome === "unknown-login") return json({ error: { code: "not_found", message: `no provider with login ${login}` } }, 404);
  if (outcome === "login-taken") return json({ error: { code: "conflict", message: `login ${newLogin} is taken` } }, 409);
  return json({ login: newLogin ?? login, changed: true });
}

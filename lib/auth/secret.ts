// The secret that signs session cookies: NEXTAUTH_SECRET, or generated once into the data directory.
import { env } from "@/lib/env";
import { randomBase64, readOrCreateSecretFile } from "@/lib/data-dir";

let cached: string | undefined;

export function authSecret(): string {
  cached ??=
    env().NEXTAUTH_SECRET ??
    readOrCreateSecretFile(
      "auth-secret",
      () => randomBase64(48),
      "Generated a session secret in the data directory (set NEXTAUTH_SECRET to choose your own).",
    );
  return cached;
}

/** next-auth names its cookie `__Secure-...` when the app is served over https. */
export function usesSecureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

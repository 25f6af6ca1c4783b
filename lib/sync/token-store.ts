// The vendor token cache of a connection, kept encrypted in its row: a restart or a second app instance
// reuses the token instead of logging in again. Bound to the connection like its secret.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { TokenStore } from "@/lib/vendors/contract";
import { decryptSecret, encryptSecret } from "@/lib/vault/vault";

const storedSchema = z.object({ token: z.string(), extra: z.record(z.string(), z.unknown()).optional() });

export function connectionTokenStore(connection: { id: string; vendor: string }): TokenStore {
  const context = `token:${connection.id}:${connection.vendor}`;
  return {
    async get() {
      const row = await db().connection.findUnique({ where: { id: connection.id }, select: { tokenCiphertext: true, tokenExpiresAt: true } });
      if (!row?.tokenCiphertext || !row.tokenExpiresAt) return null;
      try {
        const stored = storedSchema.parse(JSON.parse(decryptSecret(row.tokenCiphertext, context)));
        return { ...stored, expiresAt: row.tokenExpiresAt };
      } catch {
        return null; // a token we cannot read is as good as none: the client logs in again
      }
    },
    async set({ token, expiresAt, extra }) {
      const sealed = encryptSecret(JSON.stringify({ token, extra }), context);
      await db().connection.updateMany({ where: { id: connection.id }, data: { tokenCiphertext: sealed.ciphertext, tokenExpiresAt: expiresAt } });
    },
    async clear() {
      await db().connection.updateMany({ where: { id: connection.id }, data: { tokenCiphertext: null, tokenExpiresAt: null } });
    },
  };
}

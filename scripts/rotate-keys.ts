// `npm run keys:rotate`: a new vault key becomes current and every stored secret is re-encrypted under it.
// With APP_ENCRYPTION_KEY set, put the new key first in it on every instance, then run this to re-encrypt.
import os from "node:os";
import { env } from "../lib/env";
import { db } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { databaseTarget } from "../lib/db/client";
import { rotateVaultKey } from "../lib/vault/rotate";

await prepareDatabase(databaseTarget());
const result = await rotateVaultKey(
  { type: "system", label: `keys:rotate (${os.userInfo().username}@${os.hostname()})` },
  { newKey: !env().APP_ENCRYPTION_KEY },
);
console.log(`Vault key v${result.fromVersion} → v${result.toVersion}: ${result.reencrypted} secret(s) re-encrypted.`);
if (result.failed.length) {
  console.error(`${result.failed.length} secret(s) could not be decrypted and were left as they are (connections ${result.failed.join(", ")}). Re-enter them in Settings > Connections.`);
  process.exitCode = 1;
}
await db().$disconnect();

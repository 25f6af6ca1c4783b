// `npm run db:deploy`: applies pending migrations to the database of DATABASE_URL (or the SQLite default),
// as `prisma migrate deploy` would. `npm start` runs it before serving.
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";
import { resolveDatabaseTarget } from "../../lib/db/url";

const target = resolveDatabaseTarget(process.env.DATABASE_URL?.trim() || undefined, path.resolve(process.env.DATA_DIR?.trim() || "data"));
const applied = await prepareDatabase(target);
console.log(`Database (${target.provider}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

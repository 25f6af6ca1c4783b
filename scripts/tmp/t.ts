import { prepareDatabase } from "/work/main/lib/db/prepare";
import { diffDatabaseToSchema } from "/work/main/lib/db/schema-engine";
const t1 = { provider: "sqlite" as const, url: "file:/tmp/x1/app.db" };
console.log(await prepareDatabase(t1));
console.log(await prepareDatabase(t1));
console.log(JSON.stringify(await diffDatabaseToSchema("sqlite", t1.url)));
const t2 = { provider: "postgresql" as const, url: "postgresql://postgres@127.0.0.1:5432/test" };
console.log(await prepareDatabase(t2));
console.log(JSON.stringify(await diffDatabaseToSchema("postgresql", t2.url)));

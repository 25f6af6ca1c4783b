import { apiRoute } from "@/lib/api/route";
import { createKeyInputSchema } from "@/lib/schemas/public-api";
import { createKey, listKeys } from "@/lib/services/public-api-keys";

// GET /api/v1/public-api/keys – the API keys (never the keys themselves: a prefix to recognise them)
export const GET = apiRoute({ role: "admin" }, () => listKeys());

// POST /api/v1/public-api/keys – a new key; the answer is the only time the key is shown
export const POST = apiRoute({ role: "admin", body: createKeyInputSchema }, async ({ actor, body }) => Response.json(await createKey(actor, body), { status: 201 }));

// A sample response for the admin page: what the public endpoint would answer, optionally as a given key sees it.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PublicPage } from "@/lib/schemas/public-api";
import { FilterError } from "@/lib/public-api/grammar";
import { findResource, resourcePlan } from "./public-api-resources";
import { PublicRequestError, queryResource } from "./public-api-serve";
import { keyCustomerScope } from "./public-api-scope";

export async function previewResource(id: string, query: { keyId?: string; size: number }): Promise<PublicPage> {
  const resource = await findResource(id.startsWith("wg_") ? "widget" : "dataset", id);
  const plan = resource ? await resourcePlan(resource) : null;
  if (!plan) throw new AppError("not_found", "No such dataset or widget.");
  let scope: string[] | null = null;
  if (query.keyId) {
    const key = await db().publicApiKey.findUnique({ where: { id: query.keyId }, select: { customerId: true } });
    if (!key) throw new AppError("not_found", "No such API key.");
    scope = await keyCustomerScope(key);
  }
  try {
    return await queryResource(plan, new URLSearchParams({ current: "1", size: String(query.size) }), scope);
  } catch (error) {
    if (error instanceof FilterError || error instanceof PublicRequestError) throw new AppError("bad_request", error.message);
    throw error;
  }
}

import { apiRoute } from "@/lib/api/route";
import { updateSettingsInputSchema } from "@/lib/schemas/public-api";
import { getSettings, updateSettings } from "@/lib/services/public-api-keys";

// GET /api/v1/public-api/settings – whether the Public API is on, its rate limit and log retention
export const GET = apiRoute({ role: "admin" }, () => getSettings());

// PUT /api/v1/public-api/settings – the Enable Public API switch
export const PUT = apiRoute({ role: "admin", body: updateSettingsInputSchema }, ({ actor, body }) => updateSettings(actor, body));

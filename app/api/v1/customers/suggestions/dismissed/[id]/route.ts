import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { restoreCustomerSuggestion } from "@/lib/services/customers";

// DELETE /api/v1/customers/suggestions/dismissed/{id} – undo a dismissal
export const DELETE = apiRoute(API.restoreSuggestion, ({ actor, params }) => restoreCustomerSuggestion(actor, params.id));

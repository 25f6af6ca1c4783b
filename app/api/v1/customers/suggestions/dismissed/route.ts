import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { dismissCustomerSuggestion, listDismissedSuggestions } from "@/lib/services/customers";

// GET /api/v1/customers/suggestions/dismissed – link suggestions an admin dismissed
export const GET = apiRoute(API.dismissedSuggestions, () => listDismissedSuggestions());
// POST /api/v1/customers/suggestions/dismissed – dismiss a suggestion (not suggested again)
export const POST = apiRoute(API.dismissSuggestion, ({ actor, body }) => dismissCustomerSuggestion(actor, body));

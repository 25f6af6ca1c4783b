// Billing: a month's usage per user. GET is the current month; PUT picks the month of `Date` and a company.
import { route } from "@/lib/simulator-kit/routing";
import { msp360BillingDetailsRequestSchema, msp360BillingRequestSchema, msp360DateToEpochMs } from "../../schemas";
import { billingDetails, billingReport } from "../billing";
import { badRequest, json, readBody } from "../http";
import type { ApiRoute } from "../world";

function monthTime(date: string | null | undefined, now: number): number {
  if (!date) return now;
  const time = msp360DateToEpochMs(date.length === 10 ? `${date}T00:00:00` : date);
  if (Number.isNaN(time)) throw badRequest(`The value '${date}' is not a valid date`);
  return time;
}

export const billingRoutes: ApiRoute[] = [
  route("GET", "api/Billing", ({ view }) => json(billingReport(view, view.now, null))),

  route("PUT", "api/Billing", async ({ request, view }) => {
    const body = await readBody(request, msp360BillingRequestSchema, "filter");
    return json(billingReport(view, monthTime(body.Date, view.now), body.CompanyName ?? null));
  }),

  route("PUT", "api/Billing/Details", async ({ request, view }) => {
    const body = await readBody(request, msp360BillingDetailsRequestSchema, "filter");
    const user = view.user(body.UserID);
    return json(user ? billingDetails(view, user, monthTime(body.Date, view.now)) : null);
  }),
];

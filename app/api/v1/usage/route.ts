import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { usageCsv, usageReport } from "@/lib/services/usage";

// GET /api/v1/usage – storage and cost per customer or endpoint for a month or range; format=csv downloads it
export const GET = apiRoute(API.usage, async ({ query }) => {
  const report = await usageReport(query);
  if (query.format === "json") return report;
  const name = `usage-${query.groupBy}-${report.period ?? `${query.from ?? "start"}_${query.to ?? "now"}`}.csv`;
  return new Response(usageCsv(report), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` } });
});

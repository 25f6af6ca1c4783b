// The demo's vendor simulators, mounted in the app: /sim/msp360/api/... and /sim/rackspace/v2.0/tokens, ...
// They check the vendor credentials themselves (like the real vendors); their control routes are not
// reachable here but only through the admin-only /api/v1/demo/simulators/... routes.
import { demoSimulator } from "@/lib/demo/simulators";
import { vendorSchema } from "@/lib/vendors/catalog";

async function handle(request: Request, context: { params: Promise<{ vendor: string; path?: string[] }> }) {
  const { vendor, path } = await context.params;
  const parsed = vendorSchema.safeParse(vendor);
  const first = path?.[0]?.toLowerCase() ?? "";
  if (!parsed.success || first.startsWith("_sim")) return Response.json({ Message: "Not found." }, { status: 404 });
  const simulator = await demoSimulator(parsed.data);
  if (!simulator) return Response.json({ Message: "The demo is not installed." }, { status: 404 });
  return simulator(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };

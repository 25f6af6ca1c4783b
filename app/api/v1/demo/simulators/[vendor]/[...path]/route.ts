import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { demoSimulator, DEMO_MOUNT } from "@/lib/demo/simulators";
import { recordAudit } from "@/lib/services/audit";
import { vendorSchema } from "@/lib/vendors/catalog";

const params = z.object({ vendor: vendorSchema, path: z.array(z.string()).min(1) });

// The demo simulators' control routes (time, faults, state), admin only:
// GET|POST|DELETE /api/v1/demo/simulators/{vendor}/_sim/clock|faults|state
const control = apiRoute({ role: "admin", params }, async ({ request, params, actor }) => {
  if (params.path[0] !== "_sim" && params.path[0] !== "_simctl") throw new AppError("not_found", "Only the simulator's control routes are here.");
  const simulator = await demoSimulator(params.vendor);
  if (!simulator) throw new AppError("not_found", "The demo is not installed.");
  const url = new URL(request.url);
  url.pathname = `${DEMO_MOUNT[params.vendor]}/${params.path.join("/")}`;
  const response = await simulator(new Request(url, { method: request.method, headers: request.headers, body: request.method === "GET" ? undefined : await request.text() }));
  if (request.method !== "GET") {
    await recordAudit(actor, { action: "demo.simulator_control", outcome: response.ok ? "success" : "failure", target: { type: "simulator", label: `${params.vendor} ${params.path.join("/")}` } });
  }
  return response;
});

export { control as GET, control as POST, control as DELETE };

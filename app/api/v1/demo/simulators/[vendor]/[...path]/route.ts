import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { demoSimulator, DEMO_MOUNT } from "@/lib/demo/simulators";
import { recordAudit } from "@/lib/services/audit";

// The demo simulators' control routes (time, faults, state), admin only:
// GET|POST|DELETE /api/v1/demo/simulators/{vendor}/_sim/clock|faults|state
const control = (definition: typeof API.demoSimulatorRead | typeof API.demoSimulatorChange | typeof API.demoSimulatorClear) =>
  apiRoute(definition, async ({ request, params, actor }) => {
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

export const GET = control(API.demoSimulatorRead);
export const POST = control(API.demoSimulatorChange);
export const DELETE = control(API.demoSimulatorClear);

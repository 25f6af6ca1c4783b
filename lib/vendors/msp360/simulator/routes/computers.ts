// Computers (endpoints), the newer part of the API: a paged envelope for the list, `{ResultCode, ErrorMessage}`
// for writes and `{ErrorCode: -6, Message: "Object \"...\" not found"}` for unknown objects.
import { route } from "@/lib/simulator-kit/routing";
import { MSP360_PLAN_STATUS, msp360ComputerAuthorizationSchema, msp360PlanStartSchema, msp360PlanStopSchema } from "../../schemas";
import { newId } from "../fleet-ops";
import { RESULT_OK, badRequest, json, objectNotFound, readBody, readRawBody, resultError } from "../http";
import type { Company, Computer, Plan, User } from "../model";
import { startManualRun, stopRun } from "../runs";
import type { FleetSnapshot } from "../snapshot";
import { disksView } from "../disks";
import { computerPlanView, computerView } from "../views";
import type { ApiRoute } from "../world";

function requireComputer(view: FleetSnapshot, hid: string): Computer {
  const computer = view.data.computersByHid.get(hid.toLowerCase());
  if (!computer) throw objectNotFound(hid);
  return computer;
}

function requireOnline(view: FleetSnapshot, computer: Computer): void {
  if (!view.isOnline(computer)) throw resultError(400, -1, `Computer "${computer.hid}" is offline`);
}

function requirePlan(computer: Computer, planId: string): Plan {
  const plan = computer.plans.find((p) => p.id === planId.toLowerCase());
  if (!plan) throw objectNotFound(planId);
  return plan;
}

/** A user made for a computer authorized with only a CompanyId. */
function userForComputer(view: FleetSnapshot, computer: Computer, company: Company): User {
  const data = view.data;
  const local = computer.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  const user: User = {
    id: newId(data),
    key: data.ids.int(0, 2 ** 31),
    email: `${local}@${company.domain}`,
    firstName: "",
    lastName: "",
    notificationEmails: [],
    companyId: company.id,
    enabled: true,
    licenseMode: 2,
    password: `Pw-${data.ids.hex(12)}`,
    destinations: [],
    createdAt: view.now,
  };
  data.users.set(user.id, user);
  return user;
}

export const computerRoutes: ApiRoute[] = [
  route("GET", "api/Computers/{offset:int}/{count:int}", ({ params, view }) => {
    const offset = Number(params.offset);
    const count = Number(params.count);
    const page = view.data.computers.slice(offset, offset + count).map((computer) => computerView(view, computer));
    return json({ Count: view.data.computers.length, Message: "Success", StatusCode: 200, Computers: page });
  }),

  route("GET", "api/Computers/{hid}", ({ params, view }) => json(computerView(view, requireComputer(view, params.hid ?? "")))),

  route("GET", "api/Computers/{hid}/Disks", ({ params, view }) => json(disksView(view, requireComputer(view, params.hid ?? "")))),

  route("GET", "api/Computers/{hid}/Plans", ({ params, view }) => {
    const computer = requireComputer(view, params.hid ?? "");
    return json(computer.plans.map((plan) => computerPlanView(view, computer, plan)));
  }),

  route("POST", "api/Computers/{hid}/authorization", async ({ request, params, view }) => {
    const computer = requireComputer(view, params.hid ?? "");
    const body = await readBody(request, msp360ComputerAuthorizationSchema, "authorization");
    requireOnline(view, computer);
    const company = body.CompanyId ? view.company(body.CompanyId) : undefined;
    if (body.CompanyId && !company) throw objectNotFound(body.CompanyId, 400);
    let user: User | undefined;
    if (body.UserId) {
      user = view.user(body.UserId);
      if (!user) throw objectNotFound(body.UserId, 400);
      if (company && user.companyId !== company.id) {
        throw resultError(400, -1, `User "${user.id}" does not belong to company "${company.id}"`);
      }
    } else if (company) {
      user = userForComputer(view, computer, company);
    }
    if (!user) throw badRequest("UserId or CompanyId is required");
    computer.userId = user.id;
    computer.userDestinationId = user.destinations[0]?.id ?? null;
    computer.lostAuth = false;
    computer.authChangedAt = view.now;
    return json(RESULT_OK);
  }),

  route("DELETE", "api/Computers/{hid}/authorization", ({ params, view }) => {
    const computer = requireComputer(view, params.hid ?? "");
    if (!computer.lostAuth) {
      computer.lostAuth = true;
      computer.authChangedAt = view.now;
    }
    return json(RESULT_OK);
  }),

  // UNVERIFIED: not in the official method list (research section 6); modelled on an unofficial client.
  route(
    "POST",
    "api/Computers/{hid}/Plans/{planId}/start",
    async ({ request, params, view }) => {
      const computer = requireComputer(view, params.hid ?? "");
      const plan = requirePlan(computer, params.planId ?? "");
      await readOptionalBody(request, msp360PlanStartSchema);
      requireOnline(view, computer);
      if (computer.lostAuth) throw resultError(400, -1, `Computer "${computer.hid}" is not authorized`);
      if (view.planState(computer, plan).status !== MSP360_PLAN_STATUS.Running) startManualRun(plan, view.now);
      return json(RESULT_OK);
    },
    "unverified",
  ),

  // UNVERIFIED: see above. Stopping a plan that is not running is a no-op.
  route(
    "POST",
    "api/Computers/{hid}/Plans/{planId}/stop",
    async ({ request, params, view }) => {
      const computer = requireComputer(view, params.hid ?? "");
      const plan = requirePlan(computer, params.planId ?? "");
      await readOptionalBody(request, msp360PlanStopSchema);
      requireOnline(view, computer);
      const state = view.planState(computer, plan);
      if (state.status === MSP360_PLAN_STATUS.Running && state.runKey) stopRun(plan, state.runKey, view.now);
      return json(RESULT_OK);
    },
    "unverified",
  ),
];

/** The start/stop bodies are optional; when present they must still be well-formed. */
async function readOptionalBody(request: Request, schema: typeof msp360PlanStartSchema | typeof msp360PlanStopSchema): Promise<void> {
  const raw = await readRawBody(request.clone());
  if (raw !== null) await readBody(request, schema);
}

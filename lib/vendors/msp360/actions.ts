// What a technician can ask MSP360 Managed Backup to do. The official method list (seed 001) has no call that
// starts, stops or restores a backup plan, or switches an agent or a plan (research §6): those actions are
// declared unavailable, with the reason. The simulator, like an unofficial client, has a plan start/stop call
// that is in no official list; an admin may switch it on per connection, and it is then marked unverified.
// MSP360 administration (users, companies, licenses…) goes through the client directly (lib/services/msp360-admin).
import type { ActionObject, ActionRequest, ActionResult, Capability, FollowedState, StartedJob, VendorActions } from "../contract";
import { ACTION_TYPES } from "../contract";
import { VendorError } from "../errors";
import { lenient } from "../tolerant";
import type { Msp360Client } from "./client";
import { msp360Date, planStatusLabel, planStatusToStatus, runVendorId } from "./map";
import { MSP360_PLAN_STATUS, msp360MonitoringSchema, type Msp360Result } from "./schemas";

const UNAVAILABLE: Record<string, string> = {
  "backup.start": "MSP360's API has no method to start a backup plan; start it from the MSP360 console or on the computer.",
  "backup.stop": "MSP360's API has no method to stop a backup plan; stop it from the MSP360 console or on the computer.",
  "restore.start": "MSP360's API has no restore method; restore from the MSP360 console or the agent on the computer.",
  "restore.stop": "MSP360's API has no restore method; stop the restore from the MSP360 console or on the computer.",
  "agent.enable": "MSP360's API has no switch for an agent; an admin can authorize the computer again, or enable its user, under MSP360 administration.",
  "agent.disable": "MSP360's API has no switch for an agent; an admin can deauthorize the computer, or disable its user, under MSP360 administration.",
  "agent.wake": "MSP360 agents keep their own connection to MSP360; there is nothing to wake.",
  "agent.log-level": "MSP360's API cannot change an agent's logging; change it in the agent's settings.",
  "configuration.enable": "MSP360's API has no method to change a plan; enable it in the MSP360 console.",
  "configuration.disable": "MSP360's API has no method to change a plan; disable it in the MSP360 console.",
  "configuration.delete": "MSP360's API has no method to delete a plan; delete it in the MSP360 console.",
  "configuration.create": "MSP360's documented API has no method to create a backup plan; create it in the MSP360 console.",
  "configuration.update": "MSP360's documented API has no method to edit a backup plan; edit it in the MSP360 console.",
};

const UNVERIFIED = new Set(["backup.start", "backup.stop"]);

/** The Monitoring item a plan's stored configuration or run came from (its raw payload). */
function monitoringOf(object: ActionObject) {
  const parsed = lenient(msp360MonitoringSchema).safeParse(object.raw);
  if (!parsed.success || !parsed.data.PlanId || !object.endpointVendorId) {
    throw new VendorError("msp360", "not_found", "the stored plan has no plan id", { vendorMessage: "This plan's record from MSP360 lacks the ids needed to act on it." });
  }
  return { hid: object.endpointVendorId, planId: parsed.data.PlanId.toLowerCase(), userId: parsed.data.UserID };
}

/** The newer Computers API answers 200 with a ResultCode; anything but 0 is a refusal in its ErrorMessage. */
function checkResult(result: Msp360Result): void {
  if (result.ResultCode !== 0) {
    throw new VendorError("msp360", "rejected", `ResultCode ${result.ResultCode}`, { vendorMessage: result.ErrorMessage || `MSP360 answered with result code ${result.ResultCode}.` });
  }
}

/** ref "plan:{hid}:{planId}:{userId}": Monitoring reports only the plan's latest run, so the plan is what is followed. */
function planJob(hid: string, planId: string, userId: string): StartedJob {
  return { kind: "backup", ref: `plan:${hid}:${planId}:${userId}`, requestedAt: new Date().toISOString() };
}

export function msp360Actions(client: Msp360Client): VendorActions {
  return {
    capabilities({ unverifiedCalls }): Capability[] {
      return ACTION_TYPES.map((action) =>
        unverifiedCalls && UNVERIFIED.has(action) ? { action, available: true, unverified: true } : { action, available: false, reason: UNAVAILABLE[action]! },
      );
    },

    async act(request: ActionRequest): Promise<ActionResult> {
      if ((request.type === "backup.start" || request.type === "backup.stop") && request.unverifiedCalls) {
        const { hid, planId, userId } = monitoringOf(request.type === "backup.start" ? request.configuration : request.run);
        checkResult(request.type === "backup.start" ? await client.startPlanUnverified(hid, planId) : await client.stopPlanUnverified(hid, planId));
        const job = planJob(hid, planId, userId);
        return request.type === "backup.start"
          ? { message: "MSP360 accepted the start (unverified call).", started: job, state: { status: "running", stateLabel: "Start requested", finished: false } }
          : { message: "MSP360 was asked to stop the plan (unverified call).", started: job, state: { status: "running", stateLabel: "Stop requested", finished: false } };
      }
      throw new VendorError("msp360", "rejected", `${request.type} is not available`, { vendorMessage: UNAVAILABLE[request.type] });
    },

    async follow(job: StartedJob, signal?: AbortSignal): Promise<FollowedState> {
      const [, hid, planId, userId] = job.ref.split(":");
      if (!hid || !planId || !userId) throw new VendorError("msp360", "not_found", `cannot follow "${job.ref}"`);
      const items = (await client.listUserMonitoring(userId, { signal })) ?? [];
      const item = items.find((candidate) => candidate.PlanId?.toLowerCase() === planId);
      if (!item) throw new VendorError("msp360", "not_found", "the plan is gone from Monitoring", { vendorMessage: "MSP360 no longer lists this plan." });
      const lastStart = msp360Date(item.LastStart);
      // The run this action started is the plan's latest once it began after the request (a minute's clock slack).
      const ours = lastStart !== null && lastStart.getTime() >= Date.parse(job.requestedAt) - 60_000;
      if (!ours) return { status: "running", stateLabel: "Start requested", finished: false };
      const running = item.Status === MSP360_PLAN_STATUS.Running;
      return {
        status: planStatusToStatus(item.Status, item.LastStart, item.ErrorMessage),
        stateLabel: planStatusLabel(item.Status),
        finished: !running,
        runVendorId: runVendorId(planId, item.LastStart!),
      };
    },

    async reconcile(request: ActionRequest, since: Date, signal?: AbortSignal): Promise<ActionResult | null> {
      if (request.type !== "backup.start" || !request.unverifiedCalls) return null;
      const { hid, planId, userId } = monitoringOf(request.configuration);
      const job = { ...planJob(hid, planId, userId), requestedAt: since.toISOString() };
      const state = await this.follow(job, signal);
      return state.runVendorId ? { message: "MSP360 did start the plan (seen in Monitoring).", started: job, state } : null;
    },
  };
}

// Agent operations (/agent/...) and user operations (/user/...).
import { route } from "@/lib/simulator-kit/routing";
import {
  RACKSPACE_REGIONS,
  rackspaceChangeEncryptionRequestSchema,
  rackspaceChangeLogLevelRequestSchema,
  rackspaceDeleteAgentRequestSchema,
  rackspaceEnableAgentRequestSchema,
  rackspaceEnableEncryptionRequestSchema,
  rackspaceMigrateVaultRequestSchema,
  rackspaceUpdateAgentBehaviorRequestSchema,
  type RackspaceRegion,
} from "../../schemas";
import { RackspaceApiError, emptyResponse, idParam, invalid, jsonResponse, readBody, readBodyWith, readFormBody, toBoolean, toId } from "../http";
import { agentBody } from "../serialize";
import type { ApiRoute } from "../world";

function asRegion(value: string): RackspaceRegion | null {
  const upper = value.trim().toUpperCase();
  return RACKSPACE_REGIONS.find((region) => region === upper) ?? null;
}

export const agentRoutes: ApiRoute[] = [
  route("GET", "agent/server/{hostServerId}", ({ params, world, tenant }) =>
    jsonResponse(agentBody(world, world.agentByHostServer(tenant, params.hostServerId ?? ""), "hostServer")),
  ),

  route("POST", "agent/enable", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceEnableAgentRequestSchema);
    world.setAgentEnabled(world.agent(tenant, toId(body.MachineAgentId)), toBoolean(body.Enable));
    return emptyResponse(204);
  }),

  route("POST", "agent/encrypt", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceEnableEncryptionRequestSchema);
    const agent = world.agent(tenant, toId(body.MachineAgentId));
    if (agent.passphrase !== null) {
      throw new RackspaceApiError(400, "Encryption is already enabled for this agent; use changeencryption to change the password.");
    }
    const passphrase = world.decryptFor(agent, body.EncryptedPasswordHex);
    if (!passphrase) throw invalid("EncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey (RSA, PKCS#1 v1.5) and hex encoded.");
    agent.passphrase = passphrase;
    return jsonResponse(world.newGuid());
  }),

  route("POST", "agent/changeencryption", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceChangeEncryptionRequestSchema);
    const agent = world.agent(tenant, toId(body.MachineAgentId));
    if (agent.passphrase === null) throw new RackspaceApiError(400, "Encryption is not enabled for this agent.");
    const current = world.decryptFor(agent, body.OldEncryptedPasswordHex);
    if (current === null) throw invalid("OldEncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey and hex encoded.");
    if (current !== agent.passphrase) throw new RackspaceApiError(403, "The old encryption password is not correct.");
    const next = world.decryptFor(agent, body.NewEncryptedPasswordHex);
    if (!next) throw invalid("NewEncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey and hex encoded.");
    agent.passphrase = next;
    return jsonResponse(world.newGuid());
  }),

  route("POST", "agent/delete", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceDeleteAgentRequestSchema);
    world.deleteAgent(world.agent(tenant, toId(body.MachineAgentId)));
    return emptyResponse(204);
  }),

  route("PUT", "agent/migratevault", async ({ request, world, tenant }) => {
    // The seed's table spells it DestinationMachineAgentID, its example DestinationMachineAgentId.
    const body = await readBodyWith(request, rackspaceMigrateVaultRequestSchema, (raw) => {
      raw.DestinationMachineAgentId ??= raw.DestinationMachineAgentID;
    });
    const source = world.agent(tenant, toId(body.SourceMachineAgentId));
    const destination = world.agent(tenant, toId(body.DestinationMachineAgentId));
    if (source === destination) throw invalid("DestinationMachineAgentId", "The destination must be another agent.");
    if (source.passphrase !== null || destination.passphrase !== null) {
      throw new RackspaceApiError(403, "Vaults of encrypted agents cannot be migrated.");
    }
    if (destination.configurations.some((configuration) => !configuration.isDeleted)) {
      throw new RackspaceApiError(403, "The destination agent already has backup configurations.");
    }
    world.migrateVault(source, destination);
    return emptyResponse(200);
  }),

  route("PUT", "agent/logging", async ({ request, world, tenant }) => {
    const body = await readFormBody(request, rackspaceChangeLogLevelRequestSchema);
    const level = toId(body.LoggingLevelId);
    if (level < 1 || level > 6) throw invalid("LoggingLevelId", "LoggingLevelId must be between 1 (FATAL) and 6 (TRACE).");
    world.agent(tenant, toId(body.MachineAgentId)).loggingLevelId = level;
    return emptyResponse(200);
  }),

  route("GET", "agent/{machineAgentId:int}", ({ params, world, tenant }) =>
    jsonResponse(agentBody(world, world.agent(tenant, idParam(params, "machineAgentId")), "details")),
  ),

  route("POST", "agent/{machineAgentId:int}", async ({ request, params, world, tenant }) => {
    const agent = world.agent(tenant, idParam(params, "machineAgentId"));
    const body = await readBody(request, rackspaceUpdateAgentBehaviorRequestSchema);
    if (body.BackupDataCenter !== undefined) {
      const region = asRegion(body.BackupDataCenter);
      if (!region) throw invalid("BackupDataCenter", `BackupDataCenter must be one of ${RACKSPACE_REGIONS.join(", ")}.`);
      const hasServers = [...tenant.agents.values()].some((other) => other.datacenter === region);
      if (!hasServers) throw invalid("BackupDataCenter", `You must have servers in ${region} to keep backups there.`);
      agent.datacenter = region;
    }
    agent.useServiceNet = toBoolean(body.UseServiceNet);
    return jsonResponse(agentBody(world, agent, "updated"));
  }),

  route("GET", "user/agents", ({ world, tenant }) => jsonResponse([...tenant.agents.values()].map((agent) => agentBody(world, agent, "list")))),

  route("POST", "user/wakeupagents", ({ world, tenant }) => {
    world.wakeUp(tenant);
    return emptyResponse(200);
  }),
];

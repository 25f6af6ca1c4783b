// Agent operations (/agent/...) and user operations (/user/...).
import type { Hono } from "hono";
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
} from "../schemas";
import { idParam, invalid, readBody, readBodyWith, readFormBody, tenantOf, toBoolean, toId, type RouteEnv } from "./http";
import { agentBody } from "./serialize";
import type { RackspaceWorld } from "./world";
import { RackspaceApiError, emptyResponse, jsonResponse } from "./wire";

function asRegion(value: string): RackspaceRegion | null {
  const upper = value.trim().toUpperCase();
  return RACKSPACE_REGIONS.find((region) => region === upper) ?? null;
}

export function agentRoutes(api: Hono<RouteEnv>, world: RackspaceWorld): void {
  api.get("/agent/server/:hostServerId", (c) =>
    jsonResponse(agentBody(world, world.agentByHostServer(tenantOf(c), c.req.param("hostServerId")), "hostServer")),
  );

  api.post("/agent/enable", async (c) => {
    const body = await readBody(c, rackspaceEnableAgentRequestSchema);
    world.setAgentEnabled(world.agent(tenantOf(c), toId(body.MachineAgentId)), toBoolean(body.Enable));
    return emptyResponse(204);
  });

  api.post("/agent/encrypt", async (c) => {
    const body = await readBody(c, rackspaceEnableEncryptionRequestSchema);
    const agent = world.agent(tenantOf(c), toId(body.MachineAgentId));
    if (agent.passphrase !== null) {
      throw new RackspaceApiError(400, "Encryption is already enabled for this agent; use changeencryption to change the password.");
    }
    const passphrase = world.decryptFor(agent, body.EncryptedPasswordHex);
    if (!passphrase) throw invalid("EncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey (RSA, PKCS#1 v1.5) and hex encoded.");
    agent.passphrase = passphrase;
    return jsonResponse(world.newGuid());
  });

  api.post("/agent/changeencryption", async (c) => {
    const body = await readBody(c, rackspaceChangeEncryptionRequestSchema);
    const agent = world.agent(tenantOf(c), toId(body.MachineAgentId));
    if (agent.passphrase === null) throw new RackspaceApiError(400, "Encryption is not enabled for this agent.");
    const current = world.decryptFor(agent, body.OldEncryptedPasswordHex);
    if (current === null) throw invalid("OldEncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey and hex encoded.");
    if (current !== agent.passphrase) throw new RackspaceApiError(403, "The old encryption password is not correct.");
    const next = world.decryptFor(agent, body.NewEncryptedPasswordHex);
    if (!next) throw invalid("NewEncryptedPasswordHex", "The password must be encrypted with the agent's PublicKey and hex encoded.");
    agent.passphrase = next;
    return jsonResponse(world.newGuid());
  });

  api.post("/agent/delete", async (c) => {
    const body = await readBody(c, rackspaceDeleteAgentRequestSchema);
    world.deleteAgent(world.agent(tenantOf(c), toId(body.MachineAgentId)));
    return emptyResponse(204);
  });

  api.put("/agent/migratevault", async (c) => {
    // The seed's table spells it DestinationMachineAgentID, its example DestinationMachineAgentId.
    const body = await readBodyWith(c, rackspaceMigrateVaultRequestSchema, (raw) => {
      raw.DestinationMachineAgentId ??= raw.DestinationMachineAgentID;
    });
    const tenant = tenantOf(c);
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
  });

  api.put("/agent/logging", async (c) => {
    const body = await readFormBody(c, rackspaceChangeLogLevelRequestSchema);
    const level = toId(body.LoggingLevelId);
    if (level < 1 || level > 6) throw invalid("LoggingLevelId", "LoggingLevelId must be between 1 (FATAL) and 6 (TRACE).");
    world.agent(tenantOf(c), toId(body.MachineAgentId)).loggingLevelId = level;
    return emptyResponse(200);
  });

  api.get("/agent/:machineAgentId{[0-9]+}", (c) =>
    jsonResponse(agentBody(world, world.agent(tenantOf(c), idParam(c, "machineAgentId")), "details")),
  );

  api.post("/agent/:machineAgentId{[0-9]+}", async (c) => {
    const tenant = tenantOf(c);
    const agent = world.agent(tenant, idParam(c, "machineAgentId"));
    const body = await readBody(c, rackspaceUpdateAgentBehaviorRequestSchema);
    if (body.BackupDataCenter !== undefined) {
      const region = asRegion(body.BackupDataCenter);
      if (!region) throw invalid("BackupDataCenter", `BackupDataCenter must be one of ${RACKSPACE_REGIONS.join(", ")}.`);
      const hasServers = [...tenant.agents.values()].some((other) => other.datacenter === region);
      if (!hasServers) throw invalid("BackupDataCenter", `You must have servers in ${region} to keep backups there.`);
      agent.datacenter = region;
    }
    agent.useServiceNet = toBoolean(body.UseServiceNet);
    return jsonResponse(agentBody(world, agent, "updated"));
  });

  api.get("/user/agents", (c) => jsonResponse([...tenantOf(c).agents.values()].map((agent) => agentBody(world, agent, "list"))));

  api.post("/user/wakeupagents", (c) => {
    world.wakeUp(tenantOf(c));
    return emptyResponse(200);
  });
}

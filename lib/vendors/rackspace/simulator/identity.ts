// Rackspace Cloud Identity v2.0, the part a backup client needs: POST /v2.0/tokens with an API key (or a
// password) returns a token, its expiry, the tenant and a service catalog whose `cloudBackup` (type
// `rax:backup`) endpoints point back into this simulator, one per region.
import type { SimClock } from "@/lib/simulator-kit/clock";
import { LoginThrottle } from "@/lib/simulator-kit/login-throttle";
import { createRandom, type Random } from "@/lib/simulator-kit/random";
import { RACKSPACE_REGIONS, rackspaceAuthRequestSchema, type RackspaceAuthResponse } from "../schemas";
import type { Tenant } from "./model";
import { jsonResponse } from "./http";

interface IssuedToken {
  id: string;
  tenant: Tenant;
  expiresAt: number;
  method: "APIKEY" | "PASSWORD";
}

function identityFault(status: number, fault: string, message: string): Response {
  return jsonResponse({ [fault]: { code: status, message } }, status);
}

/** Where a tenant's backup API lives: one path per region, mirroring `https://dfw.backup.api.rackspacecloud.com/v1.0/{tenant}`. */
export function backupEndpoint(baseUrl: string, region: string, tenantId: string): string {
  return `${baseUrl}/${region.toLowerCase()}/v1.0/${tenantId}`;
}

export class IdentityService {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly random: Random;

  constructor(
    private readonly tenants: readonly Tenant[],
    private readonly clock: SimClock,
    private readonly tokenLifetimeMs: number,
    seed: number,
    /** Failed sign-ins are throttled like Identity's own (413 overLimit with Retry-After). */
    private readonly loginThrottle: LoginThrottle = new LoginThrottle(),
  ) {
    // Its own stream, so logging in does not shift the ids the world hands out.
    this.random = createRandom(seed ^ 0x1d3a7e55);
  }

  get activeTokens(): number {
    const now = this.clock.now();
    let count = 0;
    for (const token of this.tokens.values()) if (token.expiresAt > now) count++;
    return count;
  }

  /** The tenant a token belongs to while it is valid; null for unknown or expired tokens. */
  tenantFor(tokenId: string | undefined): Tenant | null {
    if (!tokenId) return null;
    const token = this.tokens.get(tokenId);
    return token && token.expiresAt > this.clock.now() ? token.tenant : null;
  }

  async authenticate(request: Request, baseUrl: string): Promise<Response> {
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return identityFault(400, "badRequest", "Invalid json request body");
    }
    const parsed = rackspaceAuthRequestSchema.safeParse(body);
    if (!parsed.success) return identityFault(400, "badRequest", "Invalid json request body");
    const auth = parsed.data.auth;
    const [username, secret, method] =
      "passwordCredentials" in auth
        ? [auth.passwordCredentials.username, auth.passwordCredentials.password, "PASSWORD" as const]
        : [auth["RAX-KSKEY:apiKeyCredentials"].username, auth["RAX-KSKEY:apiKeyCredentials"].apiKey, "APIKEY" as const];
    const wait = this.loginThrottle.retryAfterSeconds(username);
    if (wait > 0) {
      const response = identityFault(413, "overLimit", "Too many failed authentication attempts. Try again later.");
      response.headers.set("Retry-After", String(wait));
      return response;
    }
    const tenant = this.tenants.find(
      (t) =>
        t.account.username === username &&
        (method === "APIKEY" ? t.account.apiKey === secret : (t.account.password ?? t.account.apiKey) === secret),
    );
    if (!tenant) {
      this.loginThrottle.failed(username);
      return identityFault(401, "unauthorized", "Unable to authenticate user with credentials provided.");
    }
    this.loginThrottle.succeeded(username);
    return jsonResponse(this.accessFor(this.tokenFor(tenant, method), baseUrl));
  }

  /** Like Rackspace Identity, a valid token is handed out again until it expires. */
  private tokenFor(tenant: Tenant, method: IssuedToken["method"]): IssuedToken {
    const now = this.clock.now();
    for (const token of this.tokens.values()) {
      if (token.tenant === tenant && token.expiresAt > now) return token;
    }
    for (const [id, token] of this.tokens) if (token.expiresAt <= now) this.tokens.delete(id);
    const token: IssuedToken = { id: this.random.hex(32), tenant, expiresAt: now + this.tokenLifetimeMs, method };
    this.tokens.set(token.id, token);
    return token;
  }

  private accessFor(token: IssuedToken, baseUrl: string): RackspaceAuthResponse {
    const { tenant } = token;
    return {
      access: {
        token: {
          id: token.id,
          expires: new Date(token.expiresAt).toISOString(),
          tenant: { id: tenant.id, name: tenant.account.tenantName ?? tenant.id },
          "RAX-AUTH:authenticatedBy": [token.method],
        },
        serviceCatalog: [
          {
            // Not served: present so clients pick the backup service by type rather than by position.
            name: "cloudFiles",
            type: "object-store",
            endpoints: RACKSPACE_REGIONS.map((region) => ({
              region,
              tenantId: tenant.filesAccount,
              publicURL: `https://storage101.${region.toLowerCase()}1.clouddrive.com/v1/${tenant.filesAccount}`,
              internalURL: `https://snet-storage101.${region.toLowerCase()}1.clouddrive.com/v1/${tenant.filesAccount}`,
            })),
          },
          {
            name: "cloudBackup",
            type: "rax:backup",
            endpoints: RACKSPACE_REGIONS.map((region) => ({
              region,
              tenantId: tenant.id,
              publicURL: backupEndpoint(baseUrl, region, tenant.id),
            })),
          },
        ],
        user: {
          id: tenant.userId,
          name: tenant.account.username,
          "RAX-AUTH:defaultRegion": tenant.defaultRegion,
          roles: [{ id: "3", name: "identity:user-admin", description: "User Admin Role." }],
        },
      },
    };
  }
}

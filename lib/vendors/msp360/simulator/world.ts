// The MSP360 world: one generated fleet per provider (MSP account), the login and its tokens, and the request
// quota. Time is the shared SimClock; every answer is derived at `clock.now()`. The routes (routes/) read and
// change it; index.ts wires them together.
import { SimClock } from "@/lib/simulator-kit/clock";
import type { WorldSummary } from "@/lib/simulator-kit/harness";
import { LoginThrottle } from "@/lib/simulator-kit/login-throttle";
import type { Route, RouteRequest } from "@/lib/simulator-kit/routing";
import { msp360LoginRequestSchema } from "../schemas";
import { SlidingWindowLimiter, TokenStore } from "./auth";
import { generateProvider } from "./generate";
import { ApiError, UNAUTHORIZED_MESSAGE, json, message, readBody } from "./http";
import type { ProviderData, WorldContext } from "./model";
import { FleetSnapshot } from "./snapshot";
import { DAY, formatDate, formatRfc1123 } from "./time";

export interface Msp360Credentials {
  login: string;
  password: string;
}

export interface Msp360WorldOptions {
  seed?: number;
  endpoints?: number;
  providers?: Msp360Credentials[];
  tokenLifetimeMs?: number;
  rateLimitPerMinute?: number;
  clock?: SimClock;
  /** The time the fleet is built around (default: the clock's now); a world replaying its past passes "today". */
  anchor?: number;
  /** Failed logins are throttled (default: 10 per login, 100 overall, a minute). */
  loginThrottle?: LoginThrottle;
}

interface ProviderState {
  index: number;
  login: string;
  password: string;
  credentialVersion: number;
  data: ProviderData;
  limiter: SlidingWindowLimiter;
}

export const DEFAULT_PROVIDER: Msp360Credentials = { login: "demo", password: "demo-password" };

export type CredentialChange = "changed" | "unknown-login" | "login-taken";

/** What the API's routes get once the token and the quota were checked: the caller's provider, read at now. */
export interface ApiScope {
  view: FleetSnapshot;
}

/** What the routes that need no token (the login) get. */
export interface PublicScope {
  world: Msp360World;
}

export type ApiRoute = Route<ApiScope>;
export type ApiContext = RouteRequest & ApiScope;
export type PublicRoute = Route<PublicScope>;

function invalidGrant(): Response {
  return json({ error: "invalid_grant", error_description: "The user name or password is incorrect." }, 400);
}

export class Msp360World implements WorldSummary {
  readonly clock: SimClock;
  readonly context: WorldContext;
  private readonly providers: ProviderState[];
  private readonly tokens: TokenStore;
  private readonly tokenLifetimeMs: number;
  private readonly loginThrottle: LoginThrottle;

  constructor(options: Msp360WorldOptions = {}) {
    const seed = options.seed ?? 1;
    const endpoints = options.endpoints ?? 40;
    const credentials = options.providers?.length ? options.providers : [DEFAULT_PROVIDER];
    const rateLimit = options.rateLimitPerMinute ?? 1000;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 14 * DAY;
    if (!Number.isInteger(endpoints) || endpoints < 0) throw new Error("endpoints must be a non-negative integer");
    if (!Number.isInteger(rateLimit) || rateLimit < 1) throw new Error("rateLimitPerMinute must be a positive integer");
    if (new Set(credentials.map((c) => c.login.toLowerCase())).size !== credentials.length) {
      throw new Error("provider logins must be unique");
    }

    this.clock = options.clock ?? new SimClock();
    this.loginThrottle = options.loginThrottle ?? new LoginThrottle();
    this.tokens = new TokenStore(this.tokenLifetimeMs);
    // The fleet hangs off the day the world is built, so worlds built on the same day with one seed match.
    this.context = { seed, anchor: Math.floor((options.anchor ?? this.clock.now()) / DAY) * DAY };
    const share = Math.floor(endpoints / credentials.length);
    this.providers = credentials.map((c, index) => ({
      index,
      login: c.login,
      password: c.password,
      credentialVersion: 1,
      limiter: new SlidingWindowLimiter(rateLimit),
      data: generateProvider(this.context, {
        index,
        login: c.login,
        endpoints: share + (index < endpoints % credentials.length ? 1 : 0),
      }),
    }));
  }

  /**
   * Changes a provider's API credentials. As in MBS, tokens issued with the old credentials stop working at once.
   */
  changeCredentials(login: string, change: { password?: string; login?: string }): CredentialChange {
    const provider = this.providerByLogin(login);
    if (!provider) return "unknown-login";
    if (change.login !== undefined) {
      const taken = this.providerByLogin(change.login);
      if (taken && taken !== provider) return "login-taken";
      provider.login = change.login;
    }
    if (change.password !== undefined) provider.password = change.password;
    provider.credentialVersion += 1;
    return "changed";
  }

  /** A provider's companies, largest first (by users): the demo names its Rackspace tenant after one. */
  companyNames(login: string): string[] {
    const data = this.providers.find((p) => p.login === login)?.data;
    if (!data) return [];
    const users = new Map<string, number>();
    for (const user of data.users.values()) if (user.companyId) users.set(user.companyId, (users.get(user.companyId) ?? 0) + 1);
    return [...data.companies.values()].sort((a, b) => (users.get(b.id) ?? 0) - (users.get(a.id) ?? 0) || a.name.localeCompare(b.name)).map((c) => c.name);
  }

  describe(): Record<string, unknown> {
    const now = this.clock.now();
    return {
      vendor: "msp360",
      seed: this.context.seed,
      anchor: formatDate(this.context.anchor),
      activeTokens: this.tokens.activeCount(now),
      providers: this.providers.map(({ login, data }) => ({
        login,
        companies: data.companies.size,
        users: data.users.size,
        computers: data.computers.length,
        plans: data.computers.reduce((sum, c) => sum + c.plans.length, 0),
        licenses: data.licenses.size,
        customBuildRequests: data.customBuildRequests.length,
      })),
    };
  }

  /**
   * The caller's provider for an API request, or the answer that refuses it: 401 for a missing, unknown, expired
   * or revoked token (or the harness's expire-token fault), 429 past the quota.
   */
  authorize(request: Request, forceUnauthorized: boolean): ApiScope | Response {
    const now = this.clock.now();
    const provider = forceUnauthorized ? null : this.authenticate(request, now);
    if (!provider) return message(401, UNAUTHORIZED_MESSAGE, { "WWW-Authenticate": "Bearer" });
    const quota = this.takeQuota(provider, now);
    if (quota) return quota;
    return { view: new FleetSnapshot(this.context, provider.data, now) };
  }

  private providerByLogin(login: string): ProviderState | undefined {
    return this.providers.find((p) => p.login.toLowerCase() === login.toLowerCase());
  }

  private authenticate(request: Request, now: number): ProviderState | null {
    const header = request.headers.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token) return null;
    const index = this.tokens.resolve(token, now, (i) => this.providers[i]?.credentialVersion ?? -1);
    return index === null ? null : (this.providers[index] ?? null);
  }

  /** The 429 answer when the provider used up its requests for the last minute, else null. */
  private takeQuota(provider: ProviderState, now: number): Response | null {
    const taken = provider.limiter.take(now);
    if (taken.allowed) return null;
    return message(429, `API calls quota exceeded! maximum admitted ${provider.limiter.limit} per Minute.`, {
      "Retry-After": String(taken.retryAfterSeconds),
    });
  }

  /** `POST api/Provider/Login`: a bearer token for a provider's API login and password. */
  async login(request: Request): Promise<Response> {
    const now = this.clock.now();
    let body: { UserName: string; Password: string };
    try {
      body = await readBody(request, msp360LoginRequestSchema);
    } catch (error) {
      if (error instanceof ApiError) return invalidGrant();
      throw error;
    }
    const wait = this.loginThrottle.retryAfterSeconds(body.UserName);
    if (wait > 0) return message(429, "Too many failed login attempts. Try again later.", { "Retry-After": String(wait) });
    const provider = this.providerByLogin(body.UserName);
    if (!provider) {
      this.loginThrottle.failed(body.UserName);
      return invalidGrant();
    }
    const quota = this.takeQuota(provider, now);
    if (quota) return quota;
    if (provider.password !== body.Password) {
      this.loginThrottle.failed(body.UserName);
      return invalidGrant();
    }
    this.loginThrottle.succeeded(body.UserName);
    const { token, expiresAt } = this.tokens.issue(provider.index, provider.credentialVersion, now);
    return json({
      access_token: token,
      token_type: "bearer",
      expires_in: Math.floor(this.tokenLifetimeMs / 1000) - 1,
      userName: provider.login,
      ".issued": formatRfc1123(now),
      ".expires": formatRfc1123(expiresAt),
    });
  }
}

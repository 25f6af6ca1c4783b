// The MSP360 world: one generated fleet per provider (MSP account), the login and its tokens, the request
// quota, and dispatch to the routes. Time is the shared SimClock; every answer is derived at `clock.now()`.
import { z } from "zod";
import { SimClock } from "@/lib/simulator-kit/clock";
import { LoginThrottle } from "@/lib/simulator-kit/login-throttle";
import type { SimulatorWorld } from "@/lib/simulator-kit/harness";
import { msp360LoginRequestSchema } from "../schemas";
import { SlidingWindowLimiter, TokenStore } from "./auth";
import { generateProvider } from "./generate";
import {
  ApiError,
  UNAUTHORIZED_MESSAGE,
  json,
  message,
  methodNotAllowed,
  readBody,
  routeNotFound,
} from "./http";
import type { ProviderData, WorldContext } from "./model";
import { Router } from "./router";
import { MSP360_ROUTES } from "./routes";
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
  /** Serve `POST /_simctl/msp360/credentials` (default true). */
  controlRoutes?: boolean;
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
export const CREDENTIALS_CONTROL_PATH = "/_simctl/msp360/credentials";
const LOGIN_PATH = /^\/api\/provider\/login\/?$/i;

export type CredentialChange = "changed" | "unknown-login" | "login-taken";

const credentialChangeSchema = z
  .object({ login: z.string().min(1), newPassword: z.string().min(3).max(100).optional(), newLogin: z.string().min(1).optional() })
  .refine((body) => body.newPassword !== undefined || body.newLogin !== undefined);

function invalidGrant(): Response {
  return json({ error: "invalid_grant", error_description: "The user name or password is incorrect." }, 400);
}

export class Msp360World implements SimulatorWorld {
  readonly clock: SimClock;
  readonly context: WorldContext;
  private readonly providers: ProviderState[];
  private readonly tokens: TokenStore;
  private readonly router = new Router(MSP360_ROUTES);
  private readonly tokenLifetimeMs: number;
  private readonly controlRoutes: boolean;
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
    this.controlRoutes = options.controlRoutes ?? true;
    this.loginThrottle = options.loginThrottle ?? new LoginThrottle();
    this.tokens = new TokenStore(this.tokenLifetimeMs);
    // The fleet hangs off the day the world is built, so worlds built on the same day with one seed match.
    this.context = { seed, anchor: Math.floor(this.clock.now() / DAY) * DAY };
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

  async handle(request: Request, options: { forceUnauthorized: boolean; baseUrl: string }): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const now = this.clock.now();
    const publicUrl = `${options.baseUrl}${path}${url.search}`;

    if (path.toLowerCase().startsWith("/_simctl/")) {
      return this.controlRoutes ? this.handleControl(request, path) : routeNotFound(publicUrl);
    }
    if (LOGIN_PATH.test(path)) {
      return request.method.toUpperCase() === "POST" ? this.login(request, now) : methodNotAllowed(request.method);
    }

    const match = this.router.match(request.method, path);
    if (match.kind === "none") return routeNotFound(publicUrl);
    if (match.kind === "wrong-method") return methodNotAllowed(request.method);

    const provider = options.forceUnauthorized ? null : this.authenticate(request, now);
    if (!provider) return message(401, UNAUTHORIZED_MESSAGE, { "WWW-Authenticate": "Bearer" });
    const quota = this.takeQuota(provider, now);
    if (quota) return quota;

    try {
      const view = new FleetSnapshot(this.context, provider.data, now);
      return await match.route.handle({ request, url, params: match.params, view });
    } catch (error) {
      if (error instanceof ApiError) return error.response;
      throw error;
    }
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

  private async login(request: Request, now: number): Promise<Response> {
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

  /** `POST /_simctl/msp360/credentials` `{"login": "demo", "newPassword": "...", "newLogin"?: "..."}`. */
  private async handleControl(request: Request, path: string): Promise<Response> {
    if (path.toLowerCase() !== CREDENTIALS_CONTROL_PATH || request.method.toUpperCase() !== "POST") {
      return json({ error: { code: "not_found", message: `no control route ${request.method} ${path}` } }, 404);
    }
    const parsed = credentialChangeSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) {
      return json({ error: { code: "bad_request", message: "expected {login, newPassword?, newLogin?}" } }, 400);
    }
    const { login, newPassword, newLogin } = parsed.data;
    const outcome = this.changeCredentials(login, { password: newPassword, login: newLogin });
    if (outcome === "unknown-login") return json({ error: { code: "not_found", message: `no provider with login ${login}` } }, 404);
    if (outcome === "login-taken") return json({ error: { code: "conflict", message: `login ${newLogin} is taken` } }, 409);
    return json({ login: newLogin ?? login, changed: true });
  }
}

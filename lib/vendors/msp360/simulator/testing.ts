// Test helpers: a simulator served over real HTTP, with a logged-in client for its API.
import { serveSimulator, type RunningSimulator } from "@/lib/simulator-kit/serve";
import { createMsp360Simulator, type Msp360SimulatorHandler, type Msp360SimulatorOptions } from "./index";

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when the body is empty. */
  body: unknown;
}

export interface ApiCallOptions {
  body?: unknown;
  /** Send the body form-encoded instead of JSON. */
  form?: boolean;
  /** Override the bearer token; null sends none. */
  token?: string | null;
}

export class Msp360TestClient {
  token: string | null = null;

  constructor(readonly url: string) {}

  async call(method: string, path: string, options: ApiCallOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      if (options.form) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(options.body as Record<string, string>).toString();
      } else {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(options.body);
      }
    }
    const response = await fetch(`${this.url}/${path.replace(/^\//, "")}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Logs in and keeps the token for later calls. */
  async login(login = "demo", password = "demo-password"): Promise<ApiAnswer> {
    const answer = await this.call("POST", "api/Provider/Login", { body: { UserName: login, Password: password }, token: null });
    if (answer.status === 200) this.token = (answer.body as { access_token: string }).access_token;
    return answer;
  }

  /** Moves the simulated clock through the harness's control route. */
  async advance(advance: string): Promise<void> {
    const answer = await this.call("POST", "_sim/clock", { body: { advance }, token: null });
    if (answer.status !== 200) throw new Error(`clock: ${answer.text}`);
  }
}

export interface StartedSimulator {
  handler: Msp360SimulatorHandler;
  server: RunningSimulator;
  client: Msp360TestClient;
  close(): Promise<void>;
}

/** Serves a fresh simulator on a free port and logs its first provider in. */
export async function startMsp360(options: Msp360SimulatorOptions = {}): Promise<StartedSimulator> {
  const handler = createMsp360Simulator(options);
  const server = await serveSimulator(handler);
  const client = new Msp360TestClient(server.url);
  const first = options.providers?.[0];
  await client.login(first?.login, first?.password);
  return { handler, server, client, close: () => server.close() };
}

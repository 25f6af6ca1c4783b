// The floor of a first sync: the same vendor requests the adapters send, by a bare client (plain fetch) at the
// same concurrency (the scheduler's connections at a time, Rackspace agent details 8 at a time), with nothing
// parsed beyond what is needed to know the next request, and nothing written. A sync can be no faster than
// this against the same vendors; the benchmark reports the sync's time as a multiple of it.

interface BareConnection {
  vendor: "msp360" | "rackspace";
  username: string;
  secret: string;
  baseUrl: string;
}

const COMPUTERS_PAGE = 1000;
const DETAILS_CONCURRENCY = 8;

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: HTTP ${response.status}`);
  return response;
}

/** Reads and drops a body: the bytes travel, nothing is parsed. */
async function drain(url: string, init: RequestInit = {}): Promise<number> {
  const body = await (await request(url, init)).arrayBuffer();
  return body.byteLength;
}

async function inTurns<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** MSP360: login, companies, users, computers page by page, monitoring, this and last month's billing. */
async function msp360(connection: BareConnection): Promise<number> {
  const login = (await (
    await request(`${connection.baseUrl}/api/Provider/Login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ UserName: connection.username, Password: connection.secret }),
    })
  ).json()) as { access_token: string };
  const auth = { Authorization: `Bearer ${login.access_token}` };
  let requests = 1;
  const gets = ["api/Companies", "api/Users", "api/Monitoring", "api/Billing"];
  await Promise.all(gets.map((path) => drain(`${connection.baseUrl}/${path}`, { headers: auth })));
  requests += gets.length;
  for (let offset = 0; ; offset += COMPUTERS_PAGE) {
    const page = (await (await request(`${connection.baseUrl}/api/Computers/${offset}/${COMPUTERS_PAGE}`, { headers: auth })).json()) as { Computers: unknown[] };
    requests++;
    if (page.Computers.length < COMPUTERS_PAGE) break;
  }
  await drain(`${connection.baseUrl}/api/Billing`, { method: "PUT", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ Date: "2026-01-15T00:00:00" }) });
  return requests + 1;
}

/** Rackspace: sign in, the agent list, every agent's details 8 at a time, the configurations, the activity. */
async function rackspace(connection: BareConnection): Promise<number> {
  const access = (
    (await (
      await request(`${connection.baseUrl}/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: connection.username, apiKey: connection.secret } } }),
      })
    ).json()) as { access: { token: { id: string }; serviceCatalog: { type: string; endpoints: { publicURL: string }[] }[] } }
  ).access;
  const endpoint = access.serviceCatalog.find((service) => service.type === "rax:backup")!.endpoints[0]!.publicURL;
  const auth = { "X-Auth-Token": access.token.id };
  const agents = (await (await request(`${endpoint}/user/agents`, { headers: auth })).json()) as { MachineAgentId: number }[];
  await Promise.all([
    inTurns(agents, DETAILS_CONCURRENCY, (agent) => drain(`${endpoint}/agent/${agent.MachineAgentId}`, { headers: auth })),
    drain(`${endpoint}/backup-configuration`, { headers: auth }),
    drain(`${endpoint}/activity`, { headers: auth }),
  ]);
  return 2 + agents.length + 2;
}

/** The floor for these connections, `concurrency` at a time as the scheduler runs them: milliseconds and requests. */
export async function bareFirstSync(connections: BareConnection[], concurrency: number): Promise<{ ms: number; requests: number }> {
  let requests = 0;
  const started = performance.now();
  await inTurns(connections, concurrency, async (connection) => {
    // Awaited first, then added: `requests += await …` would add to the total read before the await and lose
    // the other turn's requests (the floor then seemed to send half of what it sends).
    const sent = connection.vendor === "msp360" ? await msp360(connection) : await rackspace(connection);
    requests += sent;
  });
  return { ms: performance.now() - started, requests };
}

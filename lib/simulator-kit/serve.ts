// Serves a simulator handler over real HTTP on 127.0.0.1, for tests, benchmarks and `npm run sim`.
import type { AddressInfo } from "node:net";
import { serve, type HttpBindings, type Http2Bindings } from "@hono/node-server";
import { ConnectionResetSignal } from "./faults";

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveSimulator(
  handler: (request: Request) => Promise<Response>,
  options: { port?: number; hostname?: string } = {},
): Promise<RunningSimulator> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve) => {
    const server = serve(
      {
        hostname,
        port: options.port ?? 0,
        fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
          try {
            return await handler(request);
          } catch (error) {
            if (error instanceof ConnectionResetSignal) {
              env.incoming.socket.destroy();
              return new Response(null, { status: 499 });
            }
            console.error("simulator error", error);
            return Response.json({ message: "An error has occurred." }, { status: 500 });
          }
        },
      },
      (info: AddressInfo) => {
        const url = `http://${hostname}:${info.port}`;
        resolve({
          url,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              if ("closeAllConnections" in server) server.closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
  });
}

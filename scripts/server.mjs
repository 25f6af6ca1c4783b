// @ts-check
// The app's HTTP server: Next's request handler (Next's documented custom-server API) behind a small guard
// (scripts/server/request-guard.mjs) that alone decides the client's address, host and scheme from the socket
// and TRUST_PROXY. `npm start` runs it after the build and the migrations; `--dev` serves with hot reload.
import http from "node:http";
import path from "node:path";
import { randomBytes } from "node:crypto";
import next from "next";
import { compileTrust, guardRequest } from "./server/request-guard.mjs";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

// Files this process creates (the SQLite WAL and SHM files among them) are for its owner only.
process.umask(0o077);

let trust;
try {
  trust = compileTrust(process.env.TRUST_PROXY);
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}

// A new secret per process: the app believes X-Forwarded-* only on requests that carry it, so the headers
// cannot be forged even where someone serves the app without this server (plain `next start`).
const proof = randomBytes(32).toString("base64url");
process.env.BACKUP_CONSOLE_FORWARDED_PROOF = proof;

const app = next({ dev, dir: PROJECT_ROOT, port, ...(hostname ? { hostname } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (guardRequest(req, res, { trust, proof })) return;
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error\n");
  });
});
server.listen(port, hostname, () => {
  console.log(`Backup Console ${dev ? "(development) " : ""}listening on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}

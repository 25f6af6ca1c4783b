// @ts-check
// What the app's HTTP server does to every request before Next sees it: it decides, from the socket and
// TRUST_PROXY alone, who the client is and which host and scheme it used, and writes that into the
// X-Forwarded-* headers (whatever the client sent there is dropped). A per-process proof header tells the app
// that these headers came from here. Requests Next would answer with a 500 (TRACE, a path whose
// percent-encoding does not decode) get their 4xx here. Plain JavaScript: the server runs it without a build.
import net from "node:net";
import proxyaddr from "proxy-addr";

/** The header carrying the per-process proof; the app believes X-Forwarded-* only when it matches. */
export const PROOF_HEADER = "x-backup-console-forwarded";

/** Headers only this server may set: dropped from every incoming request. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip", "x-middleware-subrequest", PROOF_HEADER];

/** Methods answered 405 here: TRACE would echo the request (cookies included) and Next answers it with a 500. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

const HSTS = "max-age=31536000";

/**
 * TRUST_PROXY → a proxy-addr trust function `(address, hop) => boolean`.
 * Unset, `0` or `false`: no proxy (the socket's address is the client). A number: that many proxies in front
 * (`true` means 1). Otherwise comma-separated addresses, CIDRs or proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`). Throws with a message an operator can act on when the setting cannot be read.
 * @param {string | undefined} setting
 * @returns {(address: string, hop: number) => boolean}
 */
export function compileTrust(setting) {
  const value = (setting ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false") return () => false;
  if (value === "true") return (_address, hop) => hop < 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY="${setting}" is not a hop count or a list of proxy addresses/CIDRs: ${/** @type {Error} */ (error).message}`);
  }
}

/** `::ffff:10.0.0.1` → `10.0.0.1`: one spelling per client, so the sign-in throttle counts it once. */
function normalizeAddress(/** @type {string | undefined} */ address) {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** The first value of a header that proxies may send more than once or as a list. */
function firstValue(/** @type {string | string[] | undefined} */ value) {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim() || undefined;
}

const HOST_PATTERN = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/i;

/**
 * Who is asking, and over what: the client address, the host and the scheme the client used.
 * Forwarded values count only when the socket's peer is a trusted proxy.
 * @param {import("node:http").IncomingMessage} req
 * @param {(address: string, hop: number) => boolean} trust
 */
export function forwardedInfo(req, trust) {
  const socketAddress = req.socket.remoteAddress ?? "";
  const viaProxy = socketAddress !== "" && trust(socketAddress, 0);
  const derived = viaProxy ? proxyaddr(req, trust) : socketAddress;
  // A proxy that passed a malformed X-Forwarded-For through: the proxy itself is the best we know.
  const address = normalizeAddress(net.isIP(derived) ? derived : socketAddress);

  const tls = Boolean(/** @type {{ encrypted?: boolean }} */ (req.socket).encrypted);
  const forwardedProto = viaProxy ? firstValue(req.headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  const proto = tls ? "https" : forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";

  const forwardedHost = viaProxy ? firstValue(req.headers["x-forwarded-host"]) : undefined;
  const host = [forwardedHost, req.headers.host].find((candidate) => candidate !== undefined && candidate.length <= 255 && HOST_PATTERN.test(candidate));
  return { address, proto, host: host?.toLowerCase() };
}

/** Whether every percent-escape in the path decodes (Next answers 500 to `/api/v1/connections/%ff`). */
function pathDecodes(/** @type {string} */ url) {
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers a request Next must not see, and returns true; else rewrites its forwarding headers and returns false.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ trust: (address: string, hop: number) => boolean, proof: string }} options
 */
export function guardRequest(req, res, { trust, proof }) {
  const url = req.url ?? "/";
  const api = url.startsWith("/api/");
  const refuse = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message, /** @type {Record<string, string>} */ headers = {}) => {
    res.writeHead(status, { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers, "Content-Type": api ? "application/json" : "text/plain; charset=utf-8" });
    res.end(api ? JSON.stringify({ error: { code, message } }) : `${message}\n`);
    return true;
  };

  if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) {
    return refuse(405, "method_not_allowed", `${req.method} is not supported.`, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" });
  }
  if (!pathDecodes(url)) return refuse(400, "bad_request", "The path has an invalid percent-encoding.");

  const info = forwardedInfo(req, trust);
  if (!info.host) return refuse(400, "bad_request", "The Host header is missing or invalid.");
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers["x-forwarded-for"] = info.address ?? "";
  req.headers["x-forwarded-host"] = info.host;
  req.headers["x-forwarded-proto"] = info.proto;
  req.headers[PROOF_HEADER] = proof;
  // Only a request that really arrived over HTTPS (TLS here, or a trusted proxy's word) may pin HTTPS.
  if (info.proto === "https") res.setHeader("Strict-Transport-Security", HSTS);
  return false;
}

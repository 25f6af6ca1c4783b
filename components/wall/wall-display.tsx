"use client";
// The NOC wall: what needs attention, readable from three metres. Dark by default, large type that follows the
// screen width, no navigation, nothing behind a hover, every status with its icon and word. It polls the app
// on its own, rotates through the link's pages, jumps to the queue when something new fails, and never shows old
// figures as live: when the app or the vendor data is stale, a full-width warning says since when.
import { useEffect, useRef, useState } from "react";
import { format } from "date-fns";
import { CloudOffIcon, LinkIcon, PlugZapIcon, WrenchIcon } from "lucide-react";
import { statusStyle } from "@/components/common/status-badge";
import { formatNumber } from "@/lib/format";
import { linkRefused, useWall, type WallDto } from "@/lib/queries/wall";
import { WALL_PAGE_LABELS, type WallPage } from "@/lib/schemas/display-links";
import { cn } from "@/lib/utils";
import { useNow, useWallHealth } from "./use-wall-health";
import { AttentionPage, CustomersPage, RunningPage, StoragePage } from "./wall-pages";

/** Problems a wall must not miss: a new one brings the queue to the front at once. */
const URGENT = new Set(["overdue", "failed", "missed", "offline", "stale"]);
/** How long a new problem is marked NEW. */
const FRESH_MS = 120_000;

const hhmm = (at: number | string) => format(new Date(at), "HH:mm");

/** What the operator at the wall can act on: the app is down, slow, or answering with an error. */
function failureText(error: Error): string {
  if (error.name === "TimeoutError" || error.name === "AbortError") return "the app did not answer in time.";
  if (error instanceof TypeError) return "the app cannot be reached (network or server down).";
  return error.message;
}

function Counter({ status, value, label }: { status: string; value: number; label?: string }) {
  const style = statusStyle(status);
  const Icon = style.icon;
  const active = value > 0;
  return (
    <div data-testid={`wall-count-${status}`} className={cn("flex items-center gap-[0.35em] rounded-[0.3em] px-[0.45em] py-[0.1em]", active ? style.badge : "text-muted-foreground")}>
      <Icon className="size-[0.9em]" aria-hidden />
      <span className="text-[1.3em] leading-none font-bold tabular-nums">{formatNumber(value)}</span>
      <span className="text-[0.75em] font-semibold">{label ?? style.label}</span>
    </div>
  );
}

function Banner({ tone, icon: Icon, children, testId }: { tone: "danger" | "warning"; icon: typeof CloudOffIcon; children: React.ReactNode; testId: string }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={cn(
        "flex w-full shrink-0 items-center gap-[0.5em] px-[0.8em] py-[0.4em] font-bold",
        tone === "danger" ? "bg-destructive text-white" : "bg-amber-400 text-black",
      )}
    >
      <Icon className="size-[1.4em] shrink-0" aria-hidden />
      <div className="min-w-0">{children}</div>
    </div>
  );
}

function Refused({ reason }: { reason: "revoked" | "unknown" }) {
  return (
    <div data-testid="wall-refused" className="flex flex-1 flex-col items-center justify-center gap-[0.5em] p-[1em] text-center">
      <LinkIcon className="size-[3em] text-muted-foreground" aria-hidden />
      <p className="text-[1.6em] font-bold">{reason === "revoked" ? "This display link was revoked" : "This display link is not valid"}</p>
      <p className="max-w-[30em] text-[0.9em] text-muted-foreground">Nothing is shown. An admin can create a new link in Settings → Display links and open it on this screen.</p>
    </div>
  );
}

/** The pages worth showing now: an empty running or storage page is skipped, the queue is always there. */
function pagesToShow(data: WallDto): WallPage[] {
  const pages = data.link.pages.filter((page) => page === "attention" || (page === "running" ? data.runningTotal > 0 : page === "storage" ? data.storage.length > 0 : data.customers.length > 0));
  return pages.length ? pages : ["attention"];
}

function urgentKeys(data: WallDto | undefined): string[] {
  return (data?.items ?? []).filter((i) => URGENT.has(i.status)).map((i) => `${i.kind}-${i.id}`);
}

export function WallDisplay({ token, refreshOverrideMs, rotateOverrideMs, light = false }: { token: string; refreshOverrideMs?: number; rotateOverrideMs?: number; light?: boolean }) {
  const query = useWall(token, refreshOverrideMs);
  const data = query.data;
  const refreshMs = refreshOverrideMs ?? (data?.link.refreshSeconds ?? 15) * 1000;
  const now = useNow(1000);
  const health = useWallHealth(query, refreshMs, now);
  const refused = linkRefused(query.error);

  // Rotation, and the jump to the queue when something new fails (marked NEW for a while).
  const pages = data ? pagesToShow(data) : (["attention"] as WallPage[]);
  const [page, setPage] = useState<WallPage>("attention");
  const [rotation, setRotation] = useState(0);
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Map<string, number>>(new Map());
  const rotateMs = rotateOverrideMs ?? (data?.link.rotateSeconds ?? 20) * 1000;

  useEffect(() => {
    if (!data) return;
    const keys = urgentKeys(data);
    const before = seen.current;
    seen.current = new Set(keys);
    const added = before ? keys.filter((k) => !before.has(k)) : [];
    if (!added.length) return;
    setPage("attention");
    setRotation((n) => n + 1);
    setFresh((old) => new Map([...[...old].filter(([, until]) => until > Date.now()), ...added.map((k) => [k, Date.now() + FRESH_MS] as const)]));
  }, [data]);

  // Keyed by the pages' names: the list is rebuilt on every render, the rotation must not restart with it.
  const pagesKey = pages.join(",");
  useEffect(() => {
    const order = pagesKey.split(",") as WallPage[];
    if (order.length < 2) return;
    const timer = setTimeout(() => setPage((current) => order[(order.indexOf(current) + 1) % order.length] ?? "attention"), rotateMs);
    return () => clearTimeout(timer);
  }, [page, rotation, rotateMs, pagesKey]);

  const current = pages.includes(page) ? page : pages[0]!;
  const freshNow = new Set([...fresh].filter(([, until]) => until > now).map(([key]) => key));
  const disconnected = health.disconnectedSince !== null && !refused;
  const vendorStale = data?.staleConnections ?? [];

  return (
    <div className={cn(!light && "dark")}>
      <div
        data-testid="wall"
        data-state={refused ? "refused" : disconnected ? "disconnected" : data ? "live" : "loading"}
        className="fixed inset-0 flex flex-col overflow-hidden bg-background text-foreground"
        // The wall's type size follows the screen: 31 px at 1920 wide, 61 px on 4K, never under 16 px.
        style={{ fontSize: "clamp(16px, 1.6vw, 64px)" }}
      >
        {disconnected ? (
          <Banner tone="danger" icon={PlugZapIcon} testId="wall-disconnected">
            <p className="text-[1.2em]">
              Disconnected since {hhmm(health.disconnectedSince!)}
              {health.fetchedAt ? `; figures are from ${hhmm(health.fetchedAt)}` : "; no figures yet"}
            </p>
            <p className="text-[0.7em] font-semibold">
              The wall keeps trying on its own{query.isFetching ? " (trying now…)" : ""}.{query.error ? ` Last attempt: ${failureText(query.error)}` : ""}
            </p>
          </Banner>
        ) : null}
        {!refused && !disconnected && vendorStale.length ? (
          <Banner tone="warning" icon={CloudOffIcon} testId="wall-data-stale">
            <p className="text-[1em]">
              Vendor data is stale:{" "}
              {vendorStale.map((c) => `${c.name}${c.lastSyncSuccessAt ? ` (last good sync ${hhmm(c.lastSyncSuccessAt)})` : " (never synced)"}`).join(", ")}
            </p>
          </Banner>
        ) : null}

        {refused ? (
          <Refused reason={refused} />
        ) : (
          <div className={cn("flex min-h-0 flex-1 flex-col gap-[0.5em] p-[0.8em]", disconnected && "opacity-50 grayscale")}>
            <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-[1em] gap-y-[0.3em]">
              <div className="min-w-0">
                <h1 className="truncate text-[1.3em] leading-tight font-bold">{data ? WALL_PAGE_LABELS[current] : "Backups"}</h1>
                <p className="truncate text-[0.7em] text-muted-foreground">
                  {data ? `${data.link.name} · ${data.link.scope}` : "Connecting…"}
                  {health.fetchedAt ? ` · figures from ${format(health.fetchedAt, "HH:mm:ss")} (${Math.max(0, Math.round((now - health.fetchedAt) / 1000))} s old)` : ""}
                  {data?.dataAsOf ? ` · vendor data as of ${hhmm(data.dataAsOf)}` : ""}
                </p>
              </div>
              <span className="text-[1.5em] font-semibold tabular-nums" suppressHydrationWarning>
                {format(now, "HH:mm")}
              </span>
            </header>
            {data ? (
              <section aria-label="Counts" className="flex shrink-0 flex-wrap gap-[0.4em]">
                <Counter status="overdue" value={data.counts.overdue} />
                <Counter status="failed" value={data.counts.failed} />
                <Counter status="missed" value={data.counts.missed} />
                <Counter status="offline" value={data.counts.offline} />
                <Counter status="warning" value={data.counts.warning} label="Warnings" />
                {data.counts.staleConnections ? <Counter status="stale" value={data.counts.staleConnections} label="Stale connections" /> : null}
                <div data-testid="wall-count-planned" className={cn("flex items-center gap-[0.35em] rounded-[0.3em] px-[0.45em] py-[0.1em]", data.counts.planned ? "bg-sky-500/15 text-sky-300" : "text-muted-foreground")}>
                  <WrenchIcon className="size-[0.9em]" aria-hidden />
                  <span className="text-[1.3em] leading-none font-bold tabular-nums">{formatNumber(data.counts.planned)}</span>
                  <span className="text-[0.75em] font-semibold">Planned</span>
                </div>
              </section>
            ) : null}
            {data ? (
              current === "attention" ? (
                <AttentionPage data={data} now={now} fresh={freshNow} />
              ) : current === "customers" ? (
                <CustomersPage data={data} />
              ) : current === "running" ? (
                <RunningPage data={data} now={now} />
              ) : (
                <StoragePage data={data} />
              )
            ) : (
              <div className="flex flex-1 items-center justify-center text-[1.2em] text-muted-foreground">{query.isError ? "Cannot reach the app yet; trying again…" : "Loading…"}</div>
            )}
            {data && pages.length > 1 ? (
              <footer className="flex shrink-0 flex-wrap items-center justify-center gap-[0.6em] text-[0.65em] whitespace-nowrap text-muted-foreground" aria-label="Pages">
                {pages.map((p, i) => (
                  <span key={p} className={cn("rounded-full px-[0.6em] py-[0.1em]", p === current ? "bg-foreground font-bold text-background" : "")} aria-current={p === current ? "page" : undefined}>
                    {i + 1}. {WALL_PAGE_LABELS[p]}
                  </span>
                ))}
              </footer>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}

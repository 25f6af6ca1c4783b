"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FlaskConicalIcon, HistoryIcon, Trash2Icon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useDemoMutation, useDemoStatus } from "@/lib/queries/demo";
import type { DemoStatusDto } from "@/lib/schemas/system";

export function InstallDemoButton({ variant = "outline" }: { variant?: "default" | "outline" }) {
  const router = useRouter();
  const install = useDemoMutation("install");
  async function onClick() {
    try {
      await install.mutateAsync();
      toast.success("Demo data added", { description: "Two simulated vendor accounts are connected; their last 30 days are replayed in the background." });
      router.refresh();
    } catch (error) {
      toast.error("Could not add the demo data", { description: (error as Error).message });
    }
  }
  return (
    <Button variant={variant} onClick={onClick} disabled={install.isPending}>
      <FlaskConicalIcon aria-hidden />
      {install.isPending ? "Adding demo data…" : "Explore with demo data"}
    </Button>
  );
}

/** Shown to admins while the demo is installed: says what it is, and removes it in one click. */
export function DemoBanner() {
  const router = useRouter();
  const status = useDemoStatus();
  const remove = useDemoMutation("remove");
  if (!status.data?.installed) return null;
  async function onRemove() {
    try {
      await remove.mutateAsync();
      toast.success("Demo data removed");
      router.refresh();
    } catch (error) {
      toast.error("Could not remove the demo data", { description: (error as Error).message });
    }
  }
  const replay = status.data.replay;
  return (
    <Alert variant="info" className="items-center">
      <FlaskConicalIcon aria-hidden />
      <div className="flex flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <strong>Demo data.</strong> The demo connections talk to simulated MSP360 and Rackspace accounts built into this app.
          </span>
          <Button size="sm" variant="outline" onClick={onRemove} disabled={remove.isPending}>
            <Trash2Icon aria-hidden />
            Remove demo
          </Button>
        </div>
        {replay?.status === "running" ? <ReplayProgress replay={replay} /> : null}
      </div>
    </Alert>
  );
}

/** "Replaying the demo's last 30 days: day 12 of 30", with a bar: the history fills in while the pages are used. */
function ReplayProgress({ replay }: { replay: NonNullable<DemoStatusDto["replay"]> }) {
  const through = replay.through ? new Date(replay.through).toLocaleDateString(undefined, { day: "numeric", month: "short" }) : null;
  return (
    <div className="flex flex-col gap-1.5" data-testid="demo-replay">
      <span className="flex items-center gap-2">
        <HistoryIcon aria-hidden className="size-4 shrink-0" />
        <span>
          Replaying the demo&apos;s last {replay.days} days: <strong>day {replay.day} of {replay.days}</strong>
          {through ? <span className="text-muted-foreground"> (synced through {through})</span> : null}. Pages fill in as it goes; nothing to wait for.
        </span>
      </span>
      <div
        role="progressbar"
        aria-label="Demo history replayed"
        aria-valuemin={0}
        aria-valuemax={replay.days}
        aria-valuenow={replay.day}
        className="h-1.5 w-full overflow-hidden rounded-full bg-primary/15"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-700" style={{ width: `${Math.round((replay.day / replay.days) * 100)}%` }} />
      </div>
    </div>
  );
}

"use client";
// The actions of one object (a plan, an agent, a run), where the technician looks at it: what its vendor can do,
// as buttons; what it cannot, with the reason and a link to the vendor's own console. A viewer sees none of it.
// Each click makes one Idempotency-Key, so a double click or a retry never starts two backups.
import { useState, type ReactNode } from "react";
import {
  BanIcon,
  CirclePlayIcon,
  CircleStopIcon,
  ExternalLinkIcon,
  EllipsisIcon,
  HistoryIcon,
  PencilIcon,
  PlusIcon,
  PowerIcon,
  ScrollTextIcon,
  Trash2Icon,
  ZapIcon,
} from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useCan } from "@/components/providers/current-user";
import { ApiError } from "@/lib/api/client";
import { ACTION_LABELS, type CreateActionInput } from "@/lib/schemas/actions";
import { newActionKey, useCapabilities, useCreateAction, type CapabilityDto } from "@/lib/queries/actions";
import { LOG_LEVELS, type ActionType, type LogLevel } from "@/lib/vendors/contract";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { ActionStatus } from "./action-status";
import { PlanFormDialog } from "./plan-form";
import { RestoreWizard } from "./restore-wizard";

const ICONS: Partial<Record<ActionType, typeof CirclePlayIcon>> = {
  "backup.start": CirclePlayIcon,
  "backup.stop": CircleStopIcon,
  "restore.start": HistoryIcon,
  "restore.stop": CircleStopIcon,
  "agent.wake": ZapIcon,
  "agent.enable": PowerIcon,
  "agent.disable": BanIcon,
  "agent.log-level": ScrollTextIcon,
  "configuration.enable": PowerIcon,
  "configuration.disable": BanIcon,
  "configuration.delete": Trash2Icon,
  "configuration.create": PlusIcon,
  "configuration.update": PencilIcon,
};

/** Actions that open the plan form instead of being sent at once. */
const FORM_ACTIONS = new Set<ActionType>(["configuration.create", "configuration.update"]);

/** Shown as buttons; the others are in the "More" menu. */
const PRIMARY = new Set<ActionType>(["backup.start", "backup.stop", "restore.start", "restore.stop", "agent.wake", "configuration.create", "configuration.update"]);

/** What a confirmation says before an action that interrupts or removes something. */
const CONFIRM: Partial<Record<ActionType, (name: string) => string>> = {
  "backup.stop": (name) => `The running backup of ${name} stops. What it already uploaded stays; this run protects nothing.`,
  "restore.stop": (name) => `The running restore of ${name} stops; files it already restored stay where they are.`,
  "agent.disable": (name) => `${name} runs no backups until it is enabled again.`,
  "configuration.disable": (name) => `${name} runs on no schedule until it is enabled again.`,
  "configuration.delete": (name) => `${name} is deleted at the vendor with its schedule and selection. Its backups stay restorable until they expire.`,
};

interface ActionBarProps {
  kind: "configuration" | "endpoint" | "run";
  id: string;
  /** What people call the object (used in confirmations, and typed to confirm a deletion). */
  name: string;
  vendor: Vendor;
  /** Whether it is enabled now: only the opposite switch is offered. */
  enabled?: boolean;
  /** For a run: whether it is running (only then can it be stopped). */
  running?: boolean;
  /** For a run: backup or restore. */
  runType?: string;
  /** For the restore wizard: the plan's agent and account. */
  restore?: { configurationId: string; endpointId: string; endpointName: string; connectionId: string; inclusions: string[] };
  size?: "sm" | "default";
  /** Only these actions (a failed run offers its plan's start, not the plan's switches). */
  only?: ActionType[];
  /** Offer "New backup plan" (an agent) or "Edit plan" (a plan): on their own pages. */
  planForm?: boolean;
}

/** Which of the vendor's capabilities apply to the object as it is now. */
function relevant(capabilities: CapabilityDto[], props: ActionBarProps): CapabilityDto[] {
  return capabilities.filter((c) => {
    if (props.only && !props.only.includes(c.action)) return false;
    if (c.action === "agent.enable" || c.action === "configuration.enable") return props.enabled === false;
    if (c.action === "agent.disable" || c.action === "configuration.disable") return props.enabled !== false;
    if (c.action === "backup.stop") return props.running === true && props.runType !== "restore";
    if (c.action === "restore.stop") return props.running === true && props.runType === "restore";
    if (c.action === "restore.start") return !!props.restore;
    // The plan form belongs on the agent's and the plan's own page, not in lists.
    if (FORM_ACTIONS.has(c.action)) return props.planForm === true;
    return true;
  });
}

/** Asking for actions on one object: confirmations, the restore wizard, and the live status of the last one asked. */
function useActionRunner(props: ActionBarProps) {
  const create = useCreateAction();
  const [actionId, setActionId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ActionType | null>(null);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [retryOf, setRetryOf] = useState<string | null>(null);
  const [planFormOpen, setPlanFormOpen] = useState(false);

  async function run(input: CreateActionInput) {
    try {
      const action = await create.mutateAsync({ input, key: newActionKey() });
      setActionId(action.id);
      if (action.state === "failed") toast.error(`${ACTION_LABELS[action.type]} did not happen`, { description: action.message ?? undefined });
    } catch (error) {
      toast.error(`${ACTION_LABELS[input.type]} was not sent`, { description: error instanceof ApiError ? error.message : "The app could not be reached." });
    }
  }

  function ask(action: ActionType) {
    if (action === "restore.start") return setRestoreOpen(true);
    if (FORM_ACTIONS.has(action)) return setPlanFormOpen(true);
    if (CONFIRM[action] || action === "agent.log-level") return setConfirming(action);
    void run({ type: action, targetId: props.id } as CreateActionInput);
  }

  const status = actionId ? (
    <div className="order-last w-full text-left">
      <ActionStatus id={actionId} onRetry={(action) => setRetryOf(action.id)} />
    </div>
  ) : null;

  const dialogs = (
    <>
      {confirming ? (
        <ConfirmAction
          action={confirming}
          name={props.name}
          onCancel={() => setConfirming(null)}
          onConfirm={(extra) => {
            setConfirming(null);
            void run({ type: confirming, targetId: props.id, ...extra } as CreateActionInput);
          }}
        />
      ) : null}
      {props.planForm ? (
        <PlanFormDialog
          open={planFormOpen}
          onOpenChange={setPlanFormOpen}
          mode={props.kind === "endpoint" ? { kind: "create", endpointId: props.id, endpointName: props.name } : { kind: "update", configurationId: props.id, planName: props.name }}
        />
      ) : null}
      {props.restore ? (
        <RestoreWizard
          key={retryOf ?? "new"}
          open={restoreOpen || retryOf !== null}
          onOpenChange={(open) => {
            setRestoreOpen(open);
            if (!open) setRetryOf(null);
          }}
          retryOf={retryOf ?? undefined}
          configurationId={props.restore.configurationId}
          connectionId={props.restore.connectionId}
          planName={props.name}
          endpoint={{ id: props.restore.endpointId, name: props.restore.endpointName }}
          inclusions={props.restore.inclusions}
          onStarted={(id) => setActionId(id)}
        />
      ) : null}
    </>
  );
  return { ask, busy: create.isPending, status, dialogs };
}

function UnavailableItems({ unavailable, vendor }: { unavailable: CapabilityDto[]; vendor: Vendor }) {
  if (!unavailable.length) return null;
  const vendorName = VENDOR_INFO[vendor].shortLabel;
  return (
    <>
      <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Not possible through {vendorName}&apos;s API</DropdownMenuLabel>
      {unavailable.map((capability) => (
        <DropdownMenuItem key={capability.action} disabled className="grid items-start gap-0.5 opacity-100">
          <span className="font-medium text-muted-foreground">{ACTION_LABELS[capability.action]}</span>
          <span className="text-xs whitespace-normal text-muted-foreground">{capability.reason}</span>
        </DropdownMenuItem>
      ))}
      <DropdownMenuSeparator />
      <DropdownMenuItem asChild>
        <a href={unavailable[0]?.consoleUrl ?? VENDOR_INFO[vendor].consoleUrl} target="_blank" rel="noreferrer noopener">
          <ExternalLinkIcon aria-hidden />
          Open {vendorName}&apos;s console
        </a>
      </DropdownMenuItem>
    </>
  );
}

export function ActionBar(props: ActionBarProps) {
  const allowed = useCan("technician");
  const capabilities = useCapabilities(props.kind, props.id, allowed);
  const runner = useActionRunner(props);
  if (!allowed || !capabilities.data) return null;

  const shown = relevant(capabilities.data.capabilities, props);
  const available = shown.filter((c) => c.available);
  const unavailable = shown.filter((c) => !c.available);

  const button = (capability: CapabilityDto) => {
    const Icon = ICONS[capability.action] ?? CirclePlayIcon;
    return (
      <Button
        key={capability.action}
        size={props.size ?? "sm"}
        variant={capability.action.endsWith(".stop") ? "destructive" : capability.action === "backup.start" ? "default" : "outline"}
        disabled={runner.busy}
        onClick={() => runner.ask(capability.action)}
        title={capability.unverified ? "Uses a vendor call that is in no official method list" : undefined}
      >
        <Icon aria-hidden />
        {ACTION_LABELS[capability.action]}
        {capability.unverified ? <span className="rounded bg-primary-foreground/20 px-1 text-[10px] uppercase">unverified</span> : null}
      </Button>
    );
  };
  const primary = available.filter((c) => PRIMARY.has(c.action));
  const more = available.filter((c) => !PRIMARY.has(c.action));
  const missingPrimary = unavailable.find((c) => PRIMARY.has(c.action));
  const vendorName = VENDOR_INFO[props.vendor].shortLabel;

  // `contents`: the buttons, the note and the status flow in the page's own actions row.
  return (
    <div className="contents">
      <div className="flex flex-wrap gap-2">
        {primary.map(button)}
        {more.length || unavailable.length ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button size={props.size ?? "sm"} variant="outline" aria-label="More actions">
                <EllipsisIcon aria-hidden />
                More
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end" className="max-w-80">
              {more.map((capability) => {
                const Icon = ICONS[capability.action] ?? CirclePlayIcon;
                return (
                  <DropdownMenuItem key={capability.action} disabled={runner.busy} onSelect={() => runner.ask(capability.action)}>
                    <Icon aria-hidden />
                    {ACTION_LABELS[capability.action]}…
                  </DropdownMenuItem>
                );
              })}
              {more.length && unavailable.length ? <DropdownMenuSeparator /> : null}
              <UnavailableItems unavailable={unavailable} vendor={props.vendor} />
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </div>
      {primary.length === 0 && missingPrimary ? (
        <p className="order-last w-full text-xs text-muted-foreground sm:text-right">
          {missingPrimary.reason}{" "}
          <a href={missingPrimary.consoleUrl ?? VENDOR_INFO[props.vendor].consoleUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
            Open {vendorName}&apos;s console
            <ExternalLinkIcon className="size-3" aria-hidden />
          </a>
        </p>
      ) : null}
      {runner.status}
      {runner.dialogs}
    </div>
  );
}

/**
 * The same actions behind one small menu, for lists (the monitoring queue, a plan table): what the vendor can do is
 * read only when the menu opens, so a list of hundreds of items asks nothing until someone acts.
 */
export function ActionMenu(props: ActionBarProps) {
  const allowed = useCan("technician");
  const [opened, setOpened] = useState(false);
  const capabilities = useCapabilities(props.kind, props.id, allowed && opened);
  const runner = useActionRunner(props);
  if (!allowed) return null;
  const shown = relevant(capabilities.data?.capabilities ?? [], props);
  const available = shown.filter((c) => c.available);
  const unavailable = shown.filter((c) => !c.available);
  return (
    <div className="grid justify-items-end gap-2">
      <DropdownMenu onOpenChange={(open) => open && setOpened(true)}>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" aria-label={`Actions for ${props.name}`}>
            <CirclePlayIcon aria-hidden />
            Act
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="max-w-80">
          {!capabilities.data ? <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Asking the vendor what it can do…</DropdownMenuLabel> : null}
          {available.map((capability) => {
            const Icon = ICONS[capability.action] ?? CirclePlayIcon;
            return (
              <DropdownMenuItem key={capability.action} disabled={runner.busy} onSelect={() => runner.ask(capability.action)}>
                <Icon aria-hidden />
                {ACTION_LABELS[capability.action]}
                {capability.unverified ? <span className="ml-auto text-[10px] uppercase text-muted-foreground">unverified</span> : null}
              </DropdownMenuItem>
            );
          })}
          {available.length && unavailable.length ? <DropdownMenuSeparator /> : null}
          <UnavailableItems unavailable={unavailable} vendor={props.vendor} />
        </DropdownMenuContent>
      </DropdownMenu>
      {runner.status}
      {runner.dialogs}
    </div>
  );
}

function ConfirmAction({ action, name, onCancel, onConfirm }: { action: ActionType; name: string; onCancel: () => void; onConfirm: (extra: { level?: LogLevel; confirmName?: string }) => void }) {
  const [typed, setTyped] = useState("");
  const [level, setLevel] = useState<LogLevel>("info");
  const deleting = action === "configuration.delete";
  const destructive = deleting || action.endsWith(".stop") || action.endsWith(".disable");
  let body: ReactNode = <DialogDescription>{CONFIRM[action]?.(name)}</DialogDescription>;
  if (action === "agent.log-level") {
    body = (
      <div className="grid gap-2">
        <DialogDescription>How much the agent on {name} writes to its own log. Raise it while you look into a problem, lower it after.</DialogDescription>
        <Label htmlFor="log-level">Logging level</Label>
        <select id="log-level" className="h-9 rounded-md border bg-card px-2 text-sm" value={level} onChange={(e) => setLevel(e.target.value as LogLevel)}>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{ACTION_LABELS[action]}?</DialogTitle>
        </DialogHeader>
        {body}
        {deleting ? (
          <div className="grid gap-2">
            <Label htmlFor="confirm-name">
              Type <span className="font-mono">{name}</span> to confirm
            </Label>
            <Input id="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={destructive ? "destructive" : "default"} disabled={deleting && typed !== name} onClick={() => onConfirm(action === "agent.log-level" ? { level } : deleting ? { confirmName: typed } : {})}>
            {ACTION_LABELS[action]}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

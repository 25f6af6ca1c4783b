"use client";
// Snoozes and maintenance windows where technicians meet the problem: "Snooze…" on a monitoring queue item and on
// an agent's page (the agent or its whole customer, until a time, with a reason), and the planned windows with
// "End now". Everything here is audited by the API.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { addDays, addHours, format, setHours, startOfHour } from "date-fns";
import { toast } from "sonner";
import { AlarmClockOffIcon, WrenchIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useCan } from "@/components/providers/current-user";
import { ApiError } from "@/lib/api/client";
import { useCreateMaintenanceWindow, useEndMaintenanceWindow, useMaintenanceWindows, type MaintenanceWindowDto, type PlannedItem } from "@/lib/queries/maintenance";
import { plural } from "@/lib/format";
import { cn } from "@/lib/utils";
import { FormFooter } from "@/components/common/form-footer";

export interface SnoozeTarget {
  type: "customer" | "endpoint";
  id: string;
  name: string;
}

const PRESETS = {
  "1h": { label: "1 hour", end: (now: Date) => addHours(now, 1) },
  "4h": { label: "4 hours", end: (now: Date) => addHours(now, 4) },
  morning: { label: "Until 08:00 tomorrow", end: (now: Date) => setHours(startOfHour(addDays(now, 1)), 8) },
  "3d": { label: "3 days", end: (now: Date) => addDays(now, 3) },
  custom: { label: "Until a time…", end: () => null },
} as const;
type Preset = keyof typeof PRESETS;

const formSchema = z
  .object({
    target: z.string().min(1),
    until: z.enum(Object.keys(PRESETS) as [Preset, ...Preset[]]),
    customEnd: z.string(),
    reason: z.string().trim().min(1, "Say why (the wall and the queue show it).").max(300),
  })
  .refine((v) => v.until !== "custom" || (v.customEnd && Date.parse(v.customEnd) > Date.now()), { path: ["customEnd"], message: "Pick a time in the future." });
type FormValues = z.infer<typeof formSchema>;

function SnoozeForm({ targets, onDone }: { targets: SnoozeTarget[]; onDone: () => void }) {
  const create = useCreateMaintenanceWindow();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { target: `${targets[0]!.type}:${targets[0]!.id}`, until: "4h", customEnd: "", reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const until = form.watch("until");

  async function submit(values: FormValues) {
    setFormError(null);
    const target = targets.find((t) => `${t.type}:${t.id}` === values.target)!;
    const end = values.until === "custom" ? new Date(values.customEnd) : PRESETS[values.until].end(new Date())!;
    try {
      await create.mutateAsync({ targetType: target.type, targetId: target.id, reason: values.reason, endsAt: end.toISOString() });
      toast.success(`${target.name} snoozed until ${format(end, "EEE HH:mm")}`, { description: "Its problems show as planned until then." });
      onDone();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (fields.reason) form.setError("reason", { message: fields.reason });
      else if (fields.endsAt) form.setError(values.until === "custom" ? "customEnd" : "until", { message: fields.endsAt });
      else setFormError(error instanceof Error ? error.message : "The server could not be reached.");
    }
  }

  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(submit)} noValidate>
      <FormError message={formError} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">What</legend>
        {targets.map((t) => (
          <label key={`${t.type}:${t.id}`} className="flex items-center gap-2 text-sm">
            <input type="radio" value={`${t.type}:${t.id}`} {...form.register("target")} />
            {t.type === "customer" ? `Everything of ${t.name}` : `The agent ${t.name}`}
          </label>
        ))}
      </fieldset>
      <FormField id="snooze-until" label="For how long" error={errors.until?.message}>
        <NativeSelect id="snooze-until" {...form.register("until")}>
          {Object.entries(PRESETS).map(([key, p]) => (
            <option key={key} value={key}>
              {p.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {until === "custom" ? (
        <FormField id="snooze-end" label="Ends at" error={errors.customEnd?.message}>
          <Input id="snooze-end" type="datetime-local" aria-invalid={!!errors.customEnd} {...form.register("customEnd")} />
        </FormField>
      ) : null}
      <FormField id="snooze-reason" label="Reason" error={errors.reason?.message}>
        <Input id="snooze-reason" placeholder="Server move, office closed…" autoComplete="off" aria-invalid={!!errors.reason} {...form.register("reason")} />
      </FormField>
      <FormFooter onCancel={onDone} pending={isSubmitting} label="Snooze" />
    </form>
  );
}

/** "Snooze…" for technicians and admins; nothing for viewers. */
export function SnoozeButton({ targets, className }: { targets: SnoozeTarget[]; className?: string }) {
  const can = useCan("technician");
  const [open, setOpen] = useState(false);
  if (!can || targets.length === 0) return null;
  return (
    <>
      <Button variant="outline" size="sm" className={className} onClick={() => setOpen(true)}>
        <AlarmClockOffIcon aria-hidden />
        Snooze…
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Snooze {targets[0]!.name}</DialogTitle>
            <DialogDescription>Planned downtime: until it ends, its problems stay off the queue, its counts and the wall, and show as planned.</DialogDescription>
          </DialogHeader>
          {open ? <SnoozeForm targets={targets} onDone={() => setOpen(false)} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

function EndButton({ window: w }: { window: MaintenanceWindowDto }) {
  const can = useCan("technician");
  const end = useEndMaintenanceWindow();
  if (!can) return null;
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={end.isPending}
      onClick={async () => {
        try {
          await end.mutateAsync(w.id);
          toast.success(`Maintenance of ${w.target.name} ended`, { description: "Its problems count again." });
        } catch (error) {
          toast.error("Could not end it", { description: (error as Error).message });
        }
      }}
    >
      End now
    </Button>
  );
}

/** One planned window as a line: wrench, "Planned", what, why, until when, and what it holds back. */
export function PlannedLine({ window: w, className }: { window: MaintenanceWindowDto | PlannedItem; className?: string }) {
  const hidden = "hiddenProblems" in w ? w.hiddenProblems : null;
  return (
    <li data-testid="planned-window" className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm", className)}>
      <span className="inline-flex items-center gap-1 rounded-md bg-sky-500/15 px-2 py-0.5 text-xs font-medium text-sky-800 dark:text-sky-300">
        <WrenchIcon className="size-3.5" aria-hidden />
        {w.state === "upcoming" ? "Upcoming" : "Planned"}
      </span>
      <span className="font-semibold">{w.target.name}</span>
      {w.target.type === "endpoint" && w.customer ? <span className="text-muted-foreground">{w.customer.name}</span> : null}
      <span className="text-muted-foreground">“{w.reason}”</span>
      <span className="ml-auto whitespace-nowrap text-muted-foreground">
        {w.state === "upcoming" ? `from ${format(new Date(w.startsAt), "EEE HH:mm")} ` : ""}until {format(new Date(w.endsAt), "EEE HH:mm")}
        {hidden ? ` · ${plural(hidden, "problem")} held back` : ""}
        {w.createdBy ? ` · by ${w.createdBy}` : ""}
      </span>
      <EndButton window={w} />
    </li>
  );
}

/** On an agent's page: the windows of the agent or its customer, current and upcoming. */
export function MaintenanceNotice({ endpointId, customerId }: { endpointId: string; customerId: string | null }) {
  const own = useMaintenanceWindows({ targetType: "endpoint", targetId: endpointId });
  const customer = useMaintenanceWindows(customerId ? { targetType: "customer", targetId: customerId } : { targetType: "customer", targetId: "-" });
  const windows = [...(own.data ?? []), ...(customerId ? (customer.data ?? []) : [])];
  if (windows.length === 0) return null;
  return (
    <ul aria-label="Planned maintenance" className="divide-y rounded-lg border border-sky-500/40 bg-sky-500/5">
      {windows.map((w) => (
        <PlannedLine key={w.id} window={w} />
      ))}
    </ul>
  );
}

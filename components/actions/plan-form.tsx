"use client";
// Creating a backup plan on an agent, or editing one, at a vendor whose API allows it (Rackspace). The form checks
// with the same schema the API route checks with and the simulator applies (lib/vendors/backup-plan.ts), so what
// the vendor would refuse is said here, per field, before anything is sent. Editing starts from the vendor's
// current plan (read afresh), and what the form does not show is kept by the server. Sent as an action: one
// Idempotency-Key per submission, kept only while no answer came back, so a retry never makes two plans.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type FieldPath, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { FolderMinusIcon, FolderPlusIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/client";
import { newActionKey, useBackupPlan, useCreateAction } from "@/lib/queries/actions";
import {
  backupPlanSchema,
  DAYS_OF_WEEK,
  defaultBackupPlan,
  normalizeSchedule,
  PLAN_FILE_TYPES,
  PLAN_FREQUENCIES,
  PLAN_TIME_ZONES,
  type BackupPlan,
} from "@/lib/vendors/backup-plan";
import { cn } from "@/lib/utils";

type Mode = { kind: "create"; endpointId: string; endpointName: string } | { kind: "update"; configurationId: string; planName: string };

const numberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

const FREQUENCY_HINT: Record<BackupPlan["Frequency"], string> = {
  Manually: "Runs only when someone starts it.",
  Hourly: "Runs every few hours, counted from when the plan is saved.",
  Daily: "Runs once a day at the start time.",
  Weekly: "Runs once a week, on the day at the start time.",
};

/** A browser's zone as the Windows id Rackspace wants, when there is an obvious one; else UTC. */
function browserWindowsZone(): string {
  const iana = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const guesses: Record<string, string> = {
    "America/New_York": "Eastern Standard Time",
    "America/Chicago": "Central Standard Time",
    "America/Denver": "Mountain Standard Time",
    "America/Los_Angeles": "Pacific Standard Time",
    "Europe/London": "GMT Standard Time",
    "Europe/Berlin": "W. Europe Standard Time",
    "Europe/Paris": "Romance Standard Time",
    "Australia/Sydney": "AUS Eastern Standard Time",
    "Asia/Hong_Kong": "China Standard Time",
  };
  return guesses[iana] ?? "UTC";
}

function PathRows({
  name,
  label,
  hint,
  icon: Icon,
  form,
}: {
  name: "Inclusions" | "Exclusions";
  label: string;
  hint: string;
  icon: typeof FolderPlusIcon;
  form: ReturnType<typeof useForm<BackupPlan>>;
}) {
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  const listError = errors && !Array.isArray(errors) ? (errors as { message?: string }).message : undefined;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 flex items-center gap-1.5 text-sm font-medium">
        <Icon className="size-4 text-muted-foreground" aria-hidden />
        {label}
      </legend>
      <p className="text-xs text-muted-foreground">{hint}</p>
      {rows.fields.length === 0 ? <p className="text-sm text-muted-foreground italic">None.</p> : null}
      <ul className="grid gap-2">
        {rows.fields.map((field, index) => {
          const pathError = Array.isArray(errors) ? errors[index]?.FilePath?.message : undefined;
          const id = `${name}-${index}`;
          return (
            <li key={field.id} className="grid gap-1">
              {/* On a phone the path has the whole width, its kind and removal go below it. */}
              <div className="flex flex-wrap gap-2 sm:flex-nowrap">
                <label htmlFor={`${id}-path`} className="sr-only">
                  {label}: path {index + 1}
                </label>
                <Input
                  id={`${id}-path`}
                  className="w-full min-w-0 font-mono text-xs sm:w-auto sm:flex-1"
                  placeholder="C:\Data or /var/www"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={!!pathError}
                  aria-describedby={pathError ? `${id}-error` : undefined}
                  {...form.register(`${name}.${index}.FilePath`)}
                />
                <label htmlFor={`${id}-type`} className="sr-only">
                  {label}: path {index + 1} is a
                </label>
                <NativeSelect id={`${id}-type`} className="min-w-0 flex-1 sm:w-28 sm:flex-none" {...form.register(`${name}.${index}.FileItemType`)}>
                  {PLAN_FILE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {type}
                    </option>
                  ))}
                </NativeSelect>
                <Button type="button" variant="ghost" size="icon" className="shrink-0" aria-label={`Remove ${label.toLowerCase()} path ${index + 1}`} onClick={() => rows.remove(index)}>
                  <Trash2Icon aria-hidden />
                </Button>
              </div>
              {pathError ? (
                <p id={`${id}-error`} className="text-xs text-destructive">
                  {pathError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError ? <p className="text-xs text-destructive">{listError}</p> : null}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => rows.append({ FilePath: "", FileItemType: "Folder" })}>
          <PlusIcon aria-hidden />
          Add a path to {label.toLowerCase()}
        </Button>
      </div>
    </fieldset>
  );
}

function NumberSelect({ id, register, field, options, invalid }: { id: string; register: UseFormRegister<BackupPlan>; field: FieldPath<BackupPlan>; options: { value: number; label: string }[]; invalid: boolean }) {
  return (
    <NativeSelect id={id} aria-invalid={invalid} {...register(field, { setValueAs: numberOrNull })}>
      <option value="">Choose…</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </NativeSelect>
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function PlanFields({ mode, initial, onDone }: { mode: Mode; initial: BackupPlan; onDone: () => void }) {
  const router = useRouter();
  const create = useCreateAction();
  // Kept while a submission got no answer (the app could not be reached): trying again then cannot make two plans.
  const [unanswered, setUnanswered] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BackupPlan>({ resolver: zodResolver(backupPlanSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const frequency = useWatch({ control: form.control, name: "Frequency" });
  const timed = frequency === "Daily" || frequency === "Weekly";

  async function submit(values: BackupPlan) {
    setFormError(null);
    const plan = normalizeSchedule(values);
    const input = mode.kind === "create" ? { type: "configuration.create" as const, targetId: mode.endpointId, plan } : { type: "configuration.update" as const, targetId: mode.configurationId, plan };
    const key = unanswered ?? newActionKey();
    setUnanswered(key);
    try {
      const action = await create.mutateAsync({ input, key });
      setUnanswered(null);
      if (action.state === "failed") return setFormError(action.message ?? "The vendor refused the plan.");
      if (action.state === "unknown") {
        toast.warning("Not known whether the vendor got it", { description: action.message ?? undefined });
        return onDone();
      }
      toast.success(mode.kind === "create" ? `Backup plan "${plan.BackupConfigurationName}" created` : `Changes to "${plan.BackupConfigurationName}" saved`, { description: action.message ?? undefined });
      onDone();
      if (mode.kind === "create" && action.createdId) router.push(`/plans/${action.createdId}`);
    } catch (error) {
      if (!(error instanceof ApiError)) return setFormError("The app could not be reached, so it is not known whether the plan was sent. Try again: it is never made twice.");
      setUnanswered(null);
      const fields = error.fieldErrors();
      let placed = false;
      for (const [path, message] of Object.entries(fields)) {
        if (!path.startsWith("plan.")) continue;
        form.setError(path.slice(5) as FieldPath<BackupPlan>, { message });
        placed = true;
      }
      if (!placed) setFormError(error.message);
    }
  }

  const err = (field: keyof BackupPlan) => (errors[field] as { message?: string } | undefined)?.message;

  return (
    <form className="grid gap-5" onSubmit={form.handleSubmit(submit)} noValidate aria-label={mode.kind === "create" ? "New backup plan" : "Edit backup plan"}>
      <FormError message={formError} />
      <FormField id="plan-name" label="Name" error={err("BackupConfigurationName")}>
        <Input id="plan-name" autoComplete="off" aria-invalid={!!errors.BackupConfigurationName} {...form.register("BackupConfigurationName")} />
      </FormField>
      {mode.kind === "create" ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-primary" {...form.register("IsActive")} />
          Active: runs on its schedule from now on
        </label>
      ) : null}

      <fieldset className="grid gap-3 rounded-md border p-3 sm:p-4">
        <legend className="px-1 text-sm font-medium">Schedule</legend>
        <div className="grid items-start gap-3 sm:grid-cols-2">
          <FormField id="plan-frequency" label="Frequency" hint={FREQUENCY_HINT[frequency]} error={err("Frequency")}>
            <NativeSelect id="plan-frequency" {...form.register("Frequency")}>
              {PLAN_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="plan-zone" label="Time zone" error={err("TimeZoneId")}>
            <NativeSelect id="plan-zone" aria-invalid={!!errors.TimeZoneId} {...form.register("TimeZoneId")}>
              {(PLAN_TIME_ZONES.includes(initial.TimeZoneId) ? PLAN_TIME_ZONES : [initial.TimeZoneId, ...PLAN_TIME_ZONES]).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>
        {frequency === "Hourly" ? (
          <FormField id="plan-interval" label="Every (hours)" error={err("HourInterval")}>
            <NumberSelect id="plan-interval" register={form.register} field="HourInterval" invalid={!!errors.HourInterval} options={range(1, 23).map((h) => ({ value: h, label: `${h} hour${h === 1 ? "" : "s"}` }))} />
          </FormField>
        ) : null}
        {timed ? (
          <div className="grid grid-cols-3 gap-3">
            <FormField id="plan-hour" label="Hour" error={err("StartTimeHour")}>
              <NumberSelect id="plan-hour" register={form.register} field="StartTimeHour" invalid={!!errors.StartTimeHour} options={range(1, 12).map((h) => ({ value: h, label: String(h) }))} />
            </FormField>
            <FormField id="plan-minute" label="Minute" error={err("StartTimeMinute")}>
              <NumberSelect id="plan-minute" register={form.register} field="StartTimeMinute" invalid={!!errors.StartTimeMinute} options={range(0, 59).map((m) => ({ value: m, label: String(m).padStart(2, "0") }))} />
            </FormField>
            <FormField id="plan-ampm" label="AM/PM" error={err("StartTimeAmPm")}>
              <NativeSelect id="plan-ampm" aria-invalid={!!errors.StartTimeAmPm} {...form.register("StartTimeAmPm", { setValueAs: (v) => (v === "" ? null : v) })}>
                <option value="">Choose…</option>
                <option value="AM">AM</option>
                <option value="PM">PM</option>
              </NativeSelect>
            </FormField>
          </div>
        ) : null}
        {frequency === "Weekly" ? (
          <FormField id="plan-day" label="Day of the week" error={err("DayOfWeekId")}>
            <NumberSelect id="plan-day" register={form.register} field="DayOfWeekId" invalid={!!errors.DayOfWeekId} options={DAYS_OF_WEEK.map((day, i) => ({ value: i, label: day }))} />
          </FormField>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 rounded-md border p-3 sm:p-4">
        <legend className="px-1 text-sm font-medium">What to back up</legend>
        <PathRows form={form} name="Inclusions" label="Back up" icon={FolderPlusIcon} hint="Full paths on the agent's disk: C:\Websites, \\server\share, /var/www." />
        <PathRows form={form} name="Exclusions" label="Exclude" icon={FolderMinusIcon} hint="Files and folders inside what is backed up that should be left out." />
      </fieldset>

      <fieldset className="grid gap-3 rounded-md border p-3 sm:p-4">
        <legend className="px-1 text-sm font-medium">Retention and notifications</legend>
        <div className="grid items-start gap-3 sm:grid-cols-2">
          <FormField id="plan-retention" label="Keep versions for" error={err("VersionRetention")}>
            <NativeSelect id="plan-retention" {...form.register("VersionRetention", { setValueAs: Number })}>
              <option value={30}>30 days</option>
              <option value={60}>60 days</option>
              <option value={0}>Indefinitely</option>
            </NativeSelect>
          </FormField>
          <FormField id="plan-missed" label="Report a missed backup" error={err("MissedBackupActionId")}>
            <NativeSelect id="plan-missed" {...form.register("MissedBackupActionId", { setValueAs: Number })}>
              <option value={1}>As soon as possible</option>
              <option value={2}>At the next scheduled time</option>
            </NativeSelect>
          </FormField>
        </div>
        <FormField id="plan-recipients" label="Email to notify" hint="One address, or several separated by commas." error={err("NotifyRecipients")}>
          <Input id="plan-recipients" type="text" inputMode="email" autoComplete="off" placeholder="backups@example.com" aria-invalid={!!errors.NotifyRecipients} {...form.register("NotifyRecipients")} />
        </FormField>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" {...form.register("NotifySuccess")} />
            Email after a successful backup
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" {...form.register("NotifyFailure")} />
            Email after a failed backup
          </label>
        </div>
      </fieldset>

      <DialogFooter className="sticky -bottom-4 -mx-4 -mb-4 border-t bg-popover px-4 py-3 sm:-bottom-6 sm:-mx-6 sm:-mb-6 sm:px-6 sm:py-4">
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? (mode.kind === "create" ? "Creating…" : "Saving…") : mode.kind === "create" ? "Create plan" : "Save changes"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function EditLoader({ mode, onDone }: { mode: Extract<Mode, { kind: "update" }>; onDone: () => void }) {
  const current = useBackupPlan(mode.configurationId, true);
  if (current.error) {
    return (
      <div className="grid gap-4">
        <FormError message={current.error instanceof ApiError ? current.error.message : "The plan could not be read from the vendor."} />
        <DialogFooter>
          <Button variant="outline" onClick={onDone}>
            Close
          </Button>
          <Button onClick={() => current.refetch()}>Try again</Button>
        </DialogFooter>
      </div>
    );
  }
  if (!current.data) {
    return (
      <div className="grid gap-3" aria-busy="true" aria-label="Reading the plan from the vendor">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  return <PlanFields mode={mode} initial={current.data.plan} onDone={onDone} />;
}

/** The plan form in a dialog: a new plan on an agent, or the vendor's current plan to edit. */
export function PlanFormDialog({ mode, open, onOpenChange }: { mode: Mode; open: boolean; onOpenChange: (open: boolean) => void }) {
  const close = () => onOpenChange(false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className={cn("max-w-[calc(100vw-1rem)] p-4 sm:max-w-2xl sm:p-6")} onInteractOutside={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{mode.kind === "create" ? `New backup plan on ${mode.endpointName}` : `Edit ${mode.planName}`}</DialogTitle>
          <DialogDescription>
            {mode.kind === "create"
              ? "The plan is created at Rackspace and appears here at once. Rackspace checks it as this form does."
              : "Read from Rackspace just now. What this form does not show (such as whether the plan is enabled) stays as it is."}
          </DialogDescription>
        </DialogHeader>
        {open ? mode.kind === "create" ? <PlanFields mode={mode} initial={defaultBackupPlan(browserWindowsZone())} onDone={close} /> : <EditLoader mode={mode} onDone={close} /> : null}
      </DialogContent>
    </Dialog>
  );
}

"use client";
// The restore wizard: plan → restore point (by date) → the whole backup or chosen files and folders → where to
// (agent, path, overwrite) → the vault password when the vault is encrypted → a summary to confirm → start.
// Nothing is created at the vendor before the confirmation; the vault password is sent once and never kept.
import { useMemo, useState } from "react";
import { ArrowLeftIcon, ArrowRightIcon, FolderPlusIcon, LockIcon, PlusIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/client";
import { formatDateTime } from "@/lib/format";
import { newActionKey, useCreateAction, useRestorePoints } from "@/lib/queries/actions";
import { useEndpoints } from "@/lib/queries/endpoints";

const STEPS = ["When", "What", "Where", "Confirm"] as const;

interface WizardProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  configurationId: string;
  planName: string;
  endpoint: { id: string; name: string };
  /** Restores go to agents of the same vendor account. */
  connectionId: string;
  /** What the plan backs up: offered as the folders to restore. */
  inclusions: string[];
  /** A refused restore to try again with another password: only the password is asked. */
  retryOf?: string;
  onStarted: (actionId: string) => void;
}

function PathList({ paths, onRemove }: { paths: string[]; onRemove: (path: string) => void }) {
  if (paths.length === 0) return null;
  return (
    <ul className="grid gap-1">
      {paths.map((path) => (
        <li key={path} className="flex items-center justify-between gap-2 rounded-md bg-muted/60 px-2.5 py-1.5 font-mono text-xs break-all">
          {path}
          <button type="button" onClick={() => onRemove(path)} className="rounded-sm p-0.5 text-muted-foreground hover:text-foreground" aria-label={`Remove ${path}`}>
            <XIcon className="size-3.5" aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  );
}

export function RestoreWizard(props: WizardProps) {
  const { open, onOpenChange, configurationId, endpoint } = props;
  const points = useRestorePoints(open && !props.retryOf ? configurationId : null);
  const agents = useEndpoints({ connectionId: props.connectionId, pageSize: 100, sort: "name" }, { enabled: open && !props.retryOf });
  const create = useCreateAction();
  const [step, setStep] = useState(props.retryOf ? 3 : 0);
  const [backupVendorId, setBackupVendorId] = useState<string | null>(null);
  const [whole, setWhole] = useState(true);
  const [include, setInclude] = useState<string[]>([]);
  const [path, setPath] = useState("");
  const [destinationId, setDestinationId] = useState(endpoint.id);
  const [destinationPath, setDestinationPath] = useState("");
  const [overwrite, setOverwrite] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  /** After a refused start (a wrong password), the prepared restore is retried, not prepared again. */
  const [retryTarget, setRetryTarget] = useState<string | null>(props.retryOf ?? null);

  const encrypted = points.data?.encrypted ?? false;
  const chosenPoint = points.data?.points.find((p) => p.backupVendorId === backupVendorId) ?? null;
  const destinations = useMemo(() => (agents.data?.items ?? []).filter((a) => a.online && a.enabled), [agents.data]);
  const destination = destinations.find((a) => a.id === destinationId) ?? { id: endpoint.id, name: endpoint.name };

  const canGo = [
    !!backupVendorId,
    whole || include.length > 0,
    destinationPath.trim().length > 0 && !!destinationId,
    !(encrypted || props.retryOf) || password.length > 0,
  ][step];

  function addPath(value: string) {
    const clean = value.trim();
    if (clean && !include.includes(clean)) setInclude([...include, clean]);
    setPath("");
  }

  async function start() {
    setError(null);
    const restore = retryTarget
      ? { retryOf: retryTarget, vaultPassword: password || undefined }
      : {
          backupVendorId: backupVendorId!,
          destinationEndpointId: destinationId,
          destinationPath: destinationPath.trim(),
          overwrite,
          include: whole ? [] : include,
          exclude: [],
          vaultPassword: encrypted ? password : undefined,
        };
    try {
      const action = await create.mutateAsync({ input: { type: "restore.start", targetId: configurationId, restore }, key: newActionKey() });
      setPassword("");
      if (action.state === "failed") {
        setError(action.message ?? "The vendor refused the restore.");
        if (action.retryable) setRetryTarget(action.id);
        props.onStarted(action.id);
        return;
      }
      props.onStarted(action.id);
      onOpenChange(false);
      toast.success("Restore requested", { description: `${props.planName} to ${destination.name}` });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The app could not be reached; nothing was started.");
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Restore {props.planName}</DialogTitle>
          <DialogDescription>
            From {endpoint.name}. {props.retryOf ? "Enter the vault password again." : `Step ${step + 1} of ${STEPS.length}: ${STEPS[step]}.`}
          </DialogDescription>
        </DialogHeader>
        {!props.retryOf ? (
          <ol className="flex gap-2 text-xs" aria-label="Steps">
            {STEPS.map((name, index) => (
              <li key={name} aria-current={index === step ? "step" : undefined} className={index === step ? "rounded-full bg-primary px-2.5 py-0.5 font-medium text-primary-foreground" : "rounded-full bg-muted px-2.5 py-0.5 text-muted-foreground"}>
                {index + 1}. {name}
              </li>
            ))}
          </ol>
        ) : null}

        {step === 0 ? (
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Which backup to restore from</legend>
            {points.isPending ? (
              <Skeleton className="h-24 w-full" />
            ) : points.error ? (
              <Alert variant="destructive">{points.error.message}</Alert>
            ) : points.data?.points.length === 0 ? (
              <p className="text-sm text-muted-foreground">This plan has no completed backup to restore from yet.</p>
            ) : (
              <div className="grid max-h-72 gap-1 overflow-auto">
                {points.data?.points.map((point) => (
                  <label key={point.backupVendorId} className="flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                    <input type="radio" name="restore-point" value={point.backupVendorId} checked={backupVendorId === point.backupVendorId} onChange={() => setBackupVendorId(point.backupVendorId)} />
                    <span className="font-medium">{point.completedAt ? formatDateTime(point.completedAt) : "Date not reported"}</span>
                    <span className="text-muted-foreground">{point.label}</span>
                  </label>
                ))}
              </div>
            )}
            {encrypted ? (
              <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
                <LockIcon className="size-3.5" aria-hidden /> This vault is encrypted: its password is asked before the restore starts.
              </p>
            ) : null}
          </fieldset>
        ) : null}

        {step === 1 ? (
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">What to restore</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" checked={whole} onChange={() => setWhole(true)} /> The whole backup
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" checked={!whole} onChange={() => setWhole(false)} /> Chosen files and folders
            </label>
            {!whole ? (
              <div className="grid gap-2 pl-6">
                {props.inclusions.length ? (
                  <div className="flex flex-wrap gap-1.5">
                    {props.inclusions.map((folder) => (
                      <Button key={folder} type="button" variant="outline" size="sm" onClick={() => addPath(folder.endsWith("/") || folder.endsWith("\\") ? folder : `${folder}/`)}>
                        <FolderPlusIcon aria-hidden />
                        {folder}
                      </Button>
                    ))}
                  </div>
                ) : null}
                <form
                  className="flex gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    addPath(path);
                  }}
                >
                  <Label htmlFor="restore-path" className="sr-only">
                    File or folder path
                  </Label>
                  <Input id="restore-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="A file, or a folder ending in / or \" />
                  <Button type="submit" variant="outline" disabled={!path.trim()}>
                    <PlusIcon aria-hidden /> Add
                  </Button>
                </form>
                <PathList paths={include} onRemove={(p) => setInclude(include.filter((x) => x !== p))} />
              </div>
            ) : null}
          </fieldset>
        ) : null}

        {step === 2 ? (
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Where to restore to</legend>
            <div className="grid gap-1.5">
              <Label htmlFor="restore-destination">Agent</Label>
              <select id="restore-destination" className="h-9 rounded-md border bg-card px-2 text-sm" value={destinationId} onChange={(e) => setDestinationId(e.target.value)}>
                <option value={endpoint.id}>{endpoint.name} (where it was backed up)</option>
                {destinations
                  .filter((a) => a.id !== endpoint.id)
                  .map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
              </select>
              <p className="text-xs text-muted-foreground">Online agents of the same vendor account.</p>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="restore-target-path">Path on that agent</Label>
              <Input id="restore-target-path" value={destinationPath} onChange={(e) => setDestinationPath(e.target.value)} placeholder="C:\Restore or /restore" />
            </div>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-0.5" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
              <span>
                Overwrite files that exist there
                {overwrite ? (
                  <span className="mt-1 flex items-center gap-1.5 text-xs text-missed-text">
                    <TriangleAlertIcon className="size-3.5" aria-hidden /> Files at the destination with the same names are replaced.
                  </span>
                ) : null}
              </span>
            </label>
          </fieldset>
        ) : null}

        {step === 3 ? (
          <div className="grid gap-3">
            {!props.retryOf ? (
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-muted-foreground">From</dt>
                <dd>
                  {props.planName} on {endpoint.name}
                </dd>
                <dt className="text-muted-foreground">Backup of</dt>
                <dd>{chosenPoint?.completedAt ? formatDateTime(chosenPoint.completedAt) : "—"}</dd>
                <dt className="text-muted-foreground">What</dt>
                <dd className="break-all">{whole ? "The whole backup" : include.join(", ")}</dd>
                <dt className="text-muted-foreground">To</dt>
                <dd className="break-all">
                  {destination.name}: {destinationPath}
                </dd>
                <dt className="text-muted-foreground">Existing files</dt>
                <dd>{overwrite ? "Overwritten" : "Kept (restored files get new names)"}</dd>
              </dl>
            ) : null}
            {encrypted || props.retryOf ? (
              <div className="grid gap-1.5">
                <Label htmlFor="vault-password">Vault password</Label>
                <Input id="vault-password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
                <p className="text-xs text-muted-foreground">Encrypted for the agent and sent once to Rackspace; the app does not keep it.</p>
              </div>
            ) : null}
            {error ? (
              <Alert variant="destructive" role="alert">
                {error}
              </Alert>
            ) : null}
          </div>
        ) : null}

        <DialogFooter className="gap-2 sm:justify-between">
          {step > 0 && !props.retryOf ? (
            <Button variant="outline" onClick={() => setStep(step - 1)}>
              <ArrowLeftIcon aria-hidden /> Back
            </Button>
          ) : (
            <span />
          )}
          {step < STEPS.length - 1 ? (
            <Button onClick={() => setStep(step + 1)} disabled={!canGo}>
              Next <ArrowRightIcon aria-hidden />
            </Button>
          ) : (
            <Button onClick={() => void start()} disabled={!canGo || create.isPending}>
              {create.isPending ? "Starting…" : "Start the restore"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

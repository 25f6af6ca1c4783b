"use client";
// MSP360 agent builds: the installers to download, and a request for new ones.
import { useState } from "react";
import { DownloadIcon, HammerIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { useMsp360List, useMsp360Operate } from "@/lib/queries/msp360-admin";
import { MSP360_BUILD_EDITIONS, msp360BuildLabel, msp360Operations } from "@/lib/schemas/msp360-admin";
import { QueryTable, TabIntro } from "./list-card";
import { CheckboxField, FormButtons, FormDialog, FormError, problemOf } from "./operation-form";

function RequestBuildsForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const operate = useMsp360Operate(connectionId);
  const [editions, setEditions] = useState<number[]>([]);
  const [sandbox, setSandbox] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = msp360Operations.buildsRequest.safeParse({ operation: "builds.request", editions, sandbox });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Check the form.");
    setProblem(null);
    try {
      toast.success((await operate.mutateAsync(parsed.data)).message);
      onDone();
    } catch (error) {
      setProblem(problemOf(error));
    }
  }
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={problem} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Editions</legend>
        {MSP360_BUILD_EDITIONS.map((edition) => (
          <label key={edition.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={editions.includes(edition.value)}
              onChange={(e) => setEditions(e.target.checked ? [...editions, edition.value] : editions.filter((v) => v !== edition.value))}
            />
            {edition.label}
          </label>
        ))}
      </fieldset>
      <CheckboxField checked={sandbox} onChange={(e) => setSandbox(e.target.checked)}>

        Sandbox build (for testing a new version before customers get it)

      </CheckboxField>
      <FormButtons onCancel={onDone} pending={operate.isPending} label="Request builds" />
    </form>
  );
}

export function BuildsTab({ connectionId }: { connectionId: string }) {
  const builds = useMsp360List(connectionId, "builds");
  const [requesting, setRequesting] = useState(false);
  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button variant="outline" onClick={() => setRequesting(true)}>
            <HammerIcon aria-hidden />
            Request new builds
          </Button>
        }
      >
        Installers of the MSP360 agent, branded for this account. Links come from MSP360.
      </TabIntro>
      <QueryTable
        query={builds}
        columns={3}
        empty="MSP360 lists no builds yet."
        head={
          <>
            <TableHead>Agent</TableHead>
            <TableHead>Version</TableHead>
            <TableHead className="text-right">Download</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((build) => (
            <TableRow key={`${build.type}-${build.version}`}>
              <TableCell className="font-medium">{msp360BuildLabel(build.type)}</TableCell>
              <TableCell className="tabular-nums">{build.version}</TableCell>
              <TableCell className="text-right">
                {build.downloadUrl && /^https?:\/\//i.test(build.downloadUrl) ? (
                  <Button asChild size="sm" variant="outline">
                    <a href={build.downloadUrl} rel="noreferrer noopener" target="_blank">
                      <DownloadIcon aria-hidden />
                      Download
                    </a>
                  </Button>
                ) : (
                  <span className="text-xs text-muted-foreground">Being built</span>
                )}
              </TableCell>
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={requesting} onOpenChange={setRequesting} title="Request new agent builds" description="MSP360 makes them in a while; their links appear here when ready.">
        <RequestBuildsForm connectionId={connectionId} onDone={() => setRequesting(false)} />
      </FormDialog>
    </div>
  );
}

"use client";
// One bound dataset or widget as the seed's page shows it: the endpoint, its parameters, its responses, and (when
// opened) a sample request and a sample response as this key would get it.
import { useState, useSyncExternalStore } from "react";
import { ChevronRightIcon, CopyIcon, Trash2Icon } from "lucide-react";
import { copyText } from "@/components/common/shown-once-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useResourcePreview } from "@/lib/queries/public-api";
import type { BindingDto } from "@/lib/schemas/public-api";
import { cn } from "@/lib/utils";

const useOrigin = () =>
  useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => "",
  );

function responsesOf(binding: BindingDto): [string, string][] {
  const noun = binding.resourceType;
  return [
    ["0", `A page of ${noun === "dataset" ? "rows" : "groups with their measures (as strings)"}: data, total, size, current, pages (HTTP 200)`],
    ["400", "A parameter that cannot be used: unknown column or unparsable value; msg says which (HTTP 400)"],
    ["500", `"The resourceId is invalid.": the key is not bound to this ${noun} (HTTP 403)`],
    ["-1", `"Can't find ${noun}": no such ${noun} (HTTP 404)`],
    ["401", `{"message":"Invalid API key in request"}: wrong, removed or expired key, or the Public API is off`],
    ["429", "More than 60 requests in a minute with this key; Retry-After says when to retry"],
  ];
}

export function BindingCard({ binding, keyId, onRemove }: { binding: BindingDto; keyId: string; onRemove: () => void }) {
  const [open, setOpen] = useState(false);
  const origin = useOrigin();
  const preview = useResourcePreview(binding.resourceId, keyId, open && binding.exists);
  const path = `/api/${binding.resourceType}/${binding.resourceId}`;
  const curl = `curl -H 'apikey: YOUR_API_KEY' '${origin}${path}?current=1&size=10'`;

  return (
    <div className={cn("rounded-lg border bg-card shadow-xs", !binding.exists && "border-destructive/40")}>
      <div className="flex items-center gap-2 p-3 sm:px-4">
        <button
          type="button"
          className="flex min-w-0 flex-1 items-center gap-2 rounded-sm text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <ChevronRightIcon className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} aria-hidden />
          <Badge className="shrink-0 bg-success/15 font-mono text-success">GET</Badge>
          <span className="grid min-w-0 gap-0.5">
            <span className="truncate font-mono text-sm" title={path}>
              {path}
            </span>
            <span className="truncate text-xs text-muted-foreground">
              {binding.name}
              {binding.exists ? "" : " · removed: this binding answers “Can't find”"}
            </span>
          </span>
        </button>
        <Button variant="ghost" size="icon" onClick={onRemove} aria-label={`Unbind ${binding.name}`} title="Unbind">
          <Trash2Icon aria-hidden />
        </Button>
      </div>
      {open ? (
        <div className="grid gap-5 border-t p-4 text-sm">
          {binding.description ? <p className="text-muted-foreground">{binding.description}</p> : null}
          <section className="grid gap-2">
            <h3 className="font-semibold">Parameters</h3>
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Name</TableHead>
                    <TableHead>Type</TableHead>
                    <TableHead>Description</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {binding.parameters.map((parameter) => (
                    <TableRow key={parameter.name}>
                      <TableCell className="font-mono text-xs whitespace-nowrap">{parameter.name}</TableCell>
                      <TableCell className="text-xs whitespace-nowrap">{parameter.type}</TableCell>
                      <TableCell className="text-xs text-muted-foreground">{parameter.description}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <p className="text-xs text-muted-foreground">
              Filters: empty value = is empty; text contains; <code>true</code>/<code>false</code>; numbers <code>12.6</code> (equals), <code>12.6,</code>,{" "}
              <code>,56.3</code>, <code>12.6,56.3</code>, <code>12.6,56.3,103,210</code>; dates <code>2024-07-01,</code> (from), <code>,2024-07-31</code> (until, whole day),{" "}
              <code>2024-07-01,2024-07-31</code>. Encode spaces in column names (<code>Last%20Backup</code>).
            </p>
          </section>
          <section className="grid gap-2">
            <h3 className="font-semibold">Responses</h3>
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Code</TableHead>
                    <TableHead>Description</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {responsesOf(binding).map(([code, description]) => (
                    <TableRow key={code}>
                      <TableCell className="font-mono text-xs">{code}</TableCell>
                      <TableCell className="text-xs text-muted-foreground">{description}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          <section className="grid gap-2">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold">Sample request</h3>
              <Button size="sm" variant="outline" onClick={() => copyText(curl, "The command")}>
                <CopyIcon aria-hidden />
                Copy
              </Button>
            </div>
            <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{curl}</pre>
          </section>
          <section className="grid gap-2">
            <h3 className="font-semibold">Sample response</h3>
            {!binding.exists ? (
              <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{`{"code":-1,"msg":"Can't find ${binding.resourceType}","data":[]}`}</pre>
            ) : preview.isPending ? (
              <Skeleton className="h-32 w-full" />
            ) : preview.isError ? (
              <p className="text-destructive">Could not load a sample: {preview.error.message}</p>
            ) : (
              <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid="sample-response">
                {JSON.stringify(preview.data, null, 2)}
              </pre>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}

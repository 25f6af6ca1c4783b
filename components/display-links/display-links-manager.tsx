"use client";
// Settings > Display links: one link per wall screen. An admin names it, picks its customers (all or some), its
// pages and intervals, copies its address once, sees when each screen was last seen, and revokes a link (the
// screen blanks at its next refresh).
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { ExternalLinkIcon, MonitorIcon, PencilIcon, PlusIcon, UnlinkIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { ShownOnceDialog } from "@/components/common/shown-once-dialog";
import { ApiError } from "@/lib/api/client";
import { useCustomers } from "@/lib/queries/customers";
import { useDisplayLinks, useRevokeDisplayLink, useSaveDisplayLink } from "@/lib/queries/display-links";
import { WALL_PAGES, WALL_PAGE_LABELS, wallPageSchema, type DisplayLinkDto } from "@/lib/schemas/display-links";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { FormFooter } from "@/components/common/form-footer";

const formSchema = z
  .object({
    name: z.string().trim().min(1, "Name the screen (for example NOC left).").max(100),
    scope: z.enum(["all", "some"]),
    customerIds: z.array(z.string()),
    pages: z.array(wallPageSchema).min(1, "Pick at least one page."),
    rotateSeconds: z.coerce.number<string>().int("Whole seconds.").min(5, "At least 5 seconds.").max(600, "At most 600 seconds."),
    refreshSeconds: z.coerce.number<string>().int("Whole seconds.").min(1, "At least 1 second.").max(300, "At most 300 seconds."),
  })
  .refine((v) => v.scope === "all" || v.customerIds.length > 0, { path: ["customerIds"], message: "Pick at least one customer, or show all." });
type FormInput = z.input<typeof formSchema>;
type FormValues = z.output<typeof formSchema>;

function LinkForm({ existing, onDone }: { existing?: DisplayLinkDto; onDone: (created: { name: string; url: string } | null) => void }) {
  const customers = useCustomers();
  const save = useSaveDisplayLink();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      name: existing?.name ?? "",
      scope: existing?.customers ? "some" : "all",
      customerIds: existing?.customers?.map((c) => c.id) ?? [],
      pages: existing?.pages ?? [...WALL_PAGES],
      rotateSeconds: String(existing?.rotateSeconds ?? 20),
      refreshSeconds: String(existing?.refreshSeconds ?? 15),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const scope = form.watch("scope");

  async function submit(values: FormValues) {
    setFormError(null);
    // Keep the pages in the wall's order, whatever order they were ticked in.
    const pages = WALL_PAGES.filter((p) => values.pages.includes(p));
    const body = { name: values.name, customerIds: values.scope === "all" ? null : values.customerIds, pages, rotateSeconds: values.rotateSeconds, refreshSeconds: values.refreshSeconds };
    try {
      const result = await save.mutateAsync({ id: existing?.id, body });
      onDone(result.path ? { name: result.link.name, url: `${window.location.origin}${result.path}` } : null);
      if (existing) toast.success("Display link saved", { description: "The screen picks the change up at its next refresh." });
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
      for (const [path, message] of fields) form.setError(path.split(".")[0] as keyof FormInput, { message });
      if (fields.length === 0) setFormError(error instanceof Error ? error.message : "The server could not be reached.");
    }
  }

  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(submit)} noValidate>
      <FormError message={formError} />
      <FormField id="dl-name" label="Screen name" error={errors.name?.message}>
        <Input id="dl-name" autoComplete="off" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Customers</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="all" {...form.register("scope")} /> All customers
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="some" {...form.register("scope")} /> Only these customers
        </label>
        {scope === "some" ? (
          <div className="max-h-48 overflow-auto rounded-md border p-2" role="group" aria-label="Customers shown">
            {customers.data?.items.map((c) => (
              <label key={c.id} className="flex items-center gap-2 py-0.5 text-sm">
                <input type="checkbox" value={c.id} {...form.register("customerIds")} />
                {c.name} <span className="text-xs text-muted-foreground">({c.vendors.map((vendor) => VENDOR_INFO[vendor as Vendor]?.shortLabel ?? vendor).join(", ")})</span>
              </label>
            )) ?? <p className="text-sm text-muted-foreground">Loading…</p>}
          </div>
        ) : null}
        {errors.customerIds?.message ? <p className="text-xs text-destructive">{errors.customerIds.message}</p> : null}
      </fieldset>
      <fieldset className="grid gap-1">
        <legend className="mb-1 text-sm font-medium">Pages, in turn</legend>
        {WALL_PAGES.map((p) => (
          <label key={p} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={p} {...form.register("pages")} /> {WALL_PAGE_LABELS[p]}
          </label>
        ))}
        {errors.pages?.message ? <p className="text-xs text-destructive">{errors.pages.message}</p> : <p className="text-xs text-muted-foreground">Empty running and storage pages are skipped; a new failure brings Needs attention back at once.</p>}
      </fieldset>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="dl-rotate" label="Seconds per page" error={errors.rotateSeconds?.message}>
          <Input id="dl-rotate" type="number" min={5} max={600} aria-invalid={!!errors.rotateSeconds} {...form.register("rotateSeconds")} />
        </FormField>
        <FormField id="dl-refresh" label="Refresh every (seconds)" hint="The warning shows within two refreshes of losing the app." error={errors.refreshSeconds?.message}>
          <Input id="dl-refresh" type="number" min={1} max={300} aria-invalid={!!errors.refreshSeconds} {...form.register("refreshSeconds")} />
        </FormField>
      </div>
      <FormFooter onCancel={() => onDone(null)} pending={isSubmitting} label={existing ? "Save" : "Create link"} />
    </form>
  );
}

function CreatedDialog({ created, onClose }: { created: { name: string; url: string } | null; onClose: () => void }) {
  return (
    <ShownOnceDialog
      secret={created?.url ?? null}
      title={`Open this address on ${created?.name ?? ""}`}
      description="Open it in the screen's browser; nobody needs to sign in. This is the only time it is shown: only a hash is stored."
      what="The address"
      warning="Anyone with the address sees this wall (read-only). If it leaks, revoke the link and create a new one."
      testId="new-display-link"
      onClose={onClose}
      extra={
        <Button variant="outline" asChild>
          <a href={created?.url} target="_blank" rel="noreferrer">
            <ExternalLinkIcon aria-hidden />
            Open the wall
          </a>
        </Button>
      }
    />
  );
}

export function DisplayLinksManager() {
  const links = useDisplayLinks();
  const revoke = useRevokeDisplayLink();
  const [editing, setEditing] = useState<DisplayLinkDto | "new" | null>(null);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const [revoking, setRevoking] = useState<DisplayLinkDto | null>(null);

  async function confirmRevoke() {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      toast.success(`${revoking.name} revoked`, { description: "The screen blanks at its next refresh." });
      setRevoking(null);
    } catch (error) {
      toast.error("Could not revoke", { description: (error as Error).message });
    }
  }

  const add = (
    <Button onClick={() => setEditing("new")}>
      <PlusIcon aria-hidden />
      New display link
    </Button>
  );

  return (
    <div className="grid gap-4">
      {links.error ? <LoadError error={links.error} onRetry={() => links.refetch()} /> : null}
      {links.isPending ? (
        <LoadingRows rows={3} />
      ) : links.data && links.data.length === 0 ? (
        <EmptyState icon={MonitorIcon} title="No wall screen yet" description="Create a link for each NOC screen. It opens the wall without a session, survives restarts and never expires overnight." action={add} />
      ) : (
        <>
          <div className="flex justify-end">{add}</div>
          <div className="grid gap-3">
            {links.data?.map((link) => (
              <Card key={link.id} data-testid="display-link" className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
                <div className="grid min-w-0 gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{link.name}</span>
                    <span className="font-mono text-xs text-muted-foreground">{link.prefix}…</span>
                    {link.revokedAt ? <Badge variant="secondary">Revoked</Badge> : <Badge variant="success">Active</Badge>}
                  </div>
                  <p className="text-sm text-muted-foreground">
                    {link.customers ? `${link.customers.length === 1 ? "1 customer" : `${link.customers.length} customers`}: ${link.customers.map((c) => c.name).join(", ")}` : "All customers"}
                  </p>
                  <p className="text-sm text-muted-foreground">
                    {link.pages.map((p) => WALL_PAGE_LABELS[p]).join(" → ")} · {link.rotateSeconds} s per page · refresh every {link.refreshSeconds} s
                  </p>
                  <p className="text-sm">
                    Last seen: <RelativeTime value={link.lastSeenAt} fallback="never opened" />
                    {link.lastSeenIp ? <span className="text-muted-foreground"> from {link.lastSeenIp}</span> : null}
                    {link.revokedAt ? (
                      <span className="text-muted-foreground">
                        {" "}
                        · revoked <RelativeTime value={link.revokedAt} />
                      </span>
                    ) : null}
                  </p>
                </div>
                {link.revokedAt ? null : (
                  <div className="flex gap-2">
                    <Button variant="outline" size="sm" onClick={() => setEditing(link)}>
                      <PencilIcon aria-hidden />
                      Edit
                    </Button>
                    <Button variant="outline" size="sm" onClick={() => setRevoking(link)}>
                      <UnlinkIcon aria-hidden />
                      Revoke
                    </Button>
                  </div>
                )}
              </Card>
            ))}
          </div>
        </>
      )}

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{editing === "new" ? "New display link" : `Edit ${editing?.name ?? ""}`}</DialogTitle>
            <DialogDescription>What this screen shows. It reads only the wall&apos;s figures, never anything else.</DialogDescription>
          </DialogHeader>
          {editing ? (
            <LinkForm
              existing={editing === "new" ? undefined : editing}
              onDone={(result) => {
                setEditing(null);
                if (result) setCreated(result);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
      <CreatedDialog created={created} onClose={() => setCreated(null)} />
      <Dialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Revoke {revoking?.name}?</DialogTitle>
            <DialogDescription>The screen stops showing figures at its next refresh and says the link was revoked. This cannot be undone; create a new link to show the wall again.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button variant="destructive" onClick={confirmRevoke} disabled={revoke.isPending}>
              Revoke
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

"use client";
import Link from "next/link";
import { ActivityIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { JsonView } from "@/components/common/json-view";
import type { RunDto } from "@/lib/schemas/runs";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { RunsTable } from "./runs-table";

/** The latest runs of an agent or a plan on its detail page, with a link to all of them in Activity. */
export function RecentRunsSection({ runs, allRunsHref, subject, hide }: { runs: RunDto[]; allRunsHref: string; subject: "agent" | "plan"; hide: "endpoint" | "plan" }) {
  return (
    <section className="grid grid-cols-1 gap-3" aria-labelledby="runs-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Recent runs {runs.length > 0 ? <span className="text-sm font-normal text-muted-foreground">(latest {runs.length})</span> : null}
        </h2>
        <Link href={allRunsHref} className="text-sm text-primary hover:underline">
          All runs of this {subject} →
        </Link>
      </div>
      <RunsTable
        rows={runs}
        showEndpoint={hide !== "endpoint"}
        showPlan={hide !== "plan"}
        showVendor={false}
        empty={<EmptyState icon={ActivityIcon} title="No runs recorded yet" description={`The app keeps every run the vendor reports from the first sync on; this ${subject} has not reported one since.`} />}
      />
    </section>
  );
}

/** The vendor's own payload, as the last sync saw it. */
export function RawVendorSection({ vendor, subject, raw }: { vendor: string; subject: string; raw: unknown }) {
  return (
    <section className="grid grid-cols-1 gap-2" aria-label="Raw vendor data">
      <p className="text-sm text-muted-foreground">What {VENDOR_INFO[vendor as Vendor]?.shortLabel ?? vendor} reported for this {subject} at the last sync.</p>
      <JsonView value={raw} />
    </section>
  );
}

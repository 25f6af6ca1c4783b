import type { ReactNode } from "react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { BackLink } from "@/components/common/back-link";
import { StatusBadge } from "@/components/common/status-badge";
import type { Vendor } from "@/lib/vendors/catalog";

/**
 * The top of every detail page: the way back, the object's name and status, one line of what it is (vendor
 * first), an optional line that needs attention, and the page's actions on the right.
 */
export function DetailHeader({
  back,
  title,
  status,
  vendor,
  facts,
  removed,
  notice,
  actions,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  status: string;
  vendor: Vendor;
  /** Short facts after the vendor, shown separated by dots. */
  facts: ReactNode[];
  /** The vendor no longer lists it: kept for history. */
  removed?: boolean;
  notice?: ReactNode;
  actions?: ReactNode;
}) {
  const shown = facts.filter((fact) => fact !== null && fact !== undefined && fact !== false && fact !== "");
  return (
    <div className="grid grid-cols-1 gap-3">
      <BackLink href={back.href} label={back.label} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-2">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight break-words">
            {title}
            <StatusBadge status={status} size="lg" />
          </h1>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
            <VendorBadge vendor={vendor} />
            {shown.map((fact, index) => (
              <span key={index}>
                {index > 0 ? "· " : ""}
                {fact}
              </span>
            ))}
            {removed ? <span className="font-medium text-destructive">· removed at the vendor</span> : null}
          </p>
          {notice}
        </div>
        {actions ? <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto sm:max-w-xl sm:justify-end">{actions}</div> : null}
      </header>
    </div>
  );
}

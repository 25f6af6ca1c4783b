"use client";
import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { ApiError } from "@/lib/api/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { LoadError } from "./query-state";

/** Loading, "no longer exists" and error states of a detail page. Returns null when the data is there. */
export function DetailState({
  isPending,
  error,
  onRetry,
  icon,
  noun,
  backHref,
  backLabel,
}: {
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
  icon: LucideIcon;
  noun: string;
  backHref: string;
  backLabel: string;
}) {
  if (isPending) {
    return (
      <div className="grid grid-cols-1 gap-4" role="status" aria-busy="true" aria-label="Loading">
        <Skeleton className="h-9 w-80" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState
        icon={icon}
        title={`This ${noun} does not exist`}
        description={`It may have been removed at the vendor, or the link is wrong.`}
        action={
          <Button asChild variant="outline">
            <Link href={backHref}>{backLabel}</Link>
          </Button>
        }
      />
    );
  }
  if (error) return <LoadError error={error} onRetry={onRetry} />;
  return null;
}

"use client";
import type { LucideIcon } from "lucide-react";
import { FilterXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useStaleConnections } from "./stale";

/** The empty state of a list: with filters, offers to clear them; without, says why it is empty and what to do. */
export function ListEmpty({
  icon,
  filtered,
  onClear,
  noun,
  emptyTitle,
  emptyDescription,
}: {
  icon: LucideIcon;
  filtered: boolean;
  onClear: () => void;
  noun: string;
  emptyTitle: string;
  emptyDescription: string;
}) {
  const { syncingFirstTime, connections } = useStaleConnections();
  if (filtered) {
    return (
      <EmptyState
        icon={icon}
        title={`No ${noun} match these filters`}
        description="Try a shorter search, another status, or clear the filters to see everything."
        action={
          <Button variant="outline" onClick={onClear}>
            <FilterXIcon aria-hidden />
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={icon}
      title={emptyTitle}
      description={
        syncingFirstTime.length > 0
          ? `${syncingFirstTime.map((c) => c.connection.name).join(" and ")} ${syncingFirstTime.length === 1 ? "has" : "have"} not finished a first sync yet; ${noun} appear here when it does.`
          : connections.length === 0
            ? `No vendor connection is enabled. An admin can enable one in Settings > Connections.`
            : emptyDescription
      }
    />
  );
}

"use client";
// The shapes every MSP360 tab repeats: a line saying what the tab is for with its main button, and a list read
// from MSP360 shown as a table (loading, a load error with "Try again", or the rows and a line when there are none).
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";

/** What the tab (or a section of it) is for, its title when it has one, and its main action. */
export function TabIntro({ title, children, action }: { title?: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div className="grid max-w-2xl gap-1">
        {title ? <h2 className="text-base font-semibold">{title}</h2> : null}
        {children ? <p className="text-sm text-muted-foreground">{children}</p> : null}
      </div>
      {action}
    </div>
  );
}

interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data: { items: T[] } | undefined;
  refetch: () => unknown;
}

/**
 * A list read from MSP360 as a table. `columns` counts every column, for the "none yet" line. With `actions`, the
 * last column holds each row's buttons; its header is `actions` for screen readers only.
 */
export function QueryTable<T>({
  query,
  head,
  columns,
  empty,
  actions,
  children,
}: {
  query: ListQuery<T>;
  head: ReactNode;
  columns: number;
  empty: string;
  actions?: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <LoadingRows />;
  if (query.isError || !query.data) return <LoadError error={query.error ?? new Error("no answer")} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  return (
    // min-w-0: a wide table scrolls inside its card instead of widening the page on a phone.
    <Card className="min-w-0">
      <Table>
        <TableHeader>
          <TableRow>
            {head}
            {actions ? (
              <TableHead className="text-right">
                <span className="sr-only">{actions}</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {children(items)}
          {items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns} className="py-8 text-center text-muted-foreground">
                {empty}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </Card>
  );
}

/** An empty text field means "not given". */
export const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

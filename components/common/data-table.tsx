"use client";
// A table for server-side sorted and paged lists: sortable headers, clickable rows (with a real link inside for
// keyboards and new tabs), skeleton rows while loading, an error with retry, and an empty state. On phones each
// row becomes a card: the status first, then the title, then the other columns labelled by their headers.
import type { MouseEvent, ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { LoadError } from "./query-state";

export type SortOrder = "asc" | "desc";

export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The API's sort key; the header becomes a sort button. */
  sortKey?: string;
  /** Order on the first click (dates and sizes start with the newest/largest). */
  firstOrder?: SortOrder;
  className?: string;
  headClassName?: string;
  /** Its place in a phone's card: "status" (first), "title" (next), "hidden" (left out); default a labelled line. */
  card?: "status" | "title" | "hidden";
}

/** The status column goes first on a phone and the first column is the title, unless a column says otherwise. */
function cardRole<T>(column: Column<T>, index: number): NonNullable<Column<T>["card"]> | "line" {
  return column.card ?? (column.id === "status" ? "status" : index === 0 ? "title" : "line");
}

const CARD_CELL: Record<NonNullable<Column<unknown>["card"]> | "line", string> = {
  status: "max-md:-order-2",
  title: "max-md:-order-1 max-md:text-base",
  hidden: "max-md:hidden",
  line: "max-md:grid max-md:grid-cols-[7rem_minmax(0,1fr)] max-md:items-start max-md:gap-2",
};

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowHref,
  rowClassName,
  isPending,
  error,
  onRetry,
  isPlaceholderData,
  empty,
  sort,
  onSort,
  skeletonRows = 8,
  label,
  className,
}: {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string | null;
  rowClassName?: (row: T) => string | undefined;
  isPending: boolean;
  error?: Error | null;
  onRetry?: () => void;
  isPlaceholderData?: boolean;
  empty: ReactNode;
  sort?: { key: string; order: SortOrder };
  onSort?: (key: string, order: SortOrder) => void;
  skeletonRows?: number;
  label?: string;
  className?: string;
}) {
  const router = useRouter();
  if (error && !rows) return <LoadError error={error} onRetry={onRetry} />;
  if (!isPending && rows && rows.length === 0) return <>{empty}</>;

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, href: string | null | undefined) {
    if (!href) return;
    const target = event.target as HTMLElement;
    // Links, buttons and selected text keep their own behaviour.
    if (target.closest("a, button, input, select, label, summary")) return;
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  }

  return (
    <div className={cn("grid grid-cols-1 gap-2", className)}>
      {error ? <LoadError error={error} onRetry={onRetry} /> : null}
      <div className="rounded-lg border bg-card shadow-xs">
        <Table aria-label={label} aria-busy={isPending || isPlaceholderData ? true : undefined} className="max-md:block max-md:[&_tbody]:block">
          <TableHeader className="max-md:hidden">
            <TableRow className="hover:bg-transparent">
              {columns.map((column) => {
                const active = sort && column.sortKey && sort.key === column.sortKey;
                return (
                  <TableHead
                    key={column.id}
                    className={cn("whitespace-nowrap", column.headClassName)}
                    aria-sort={active ? (sort.order === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {column.sortKey && onSort ? (
                      <button
                        type="button"
                        className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                        onClick={() =>
                          onSort(column.sortKey!, active ? (sort.order === "asc" ? "desc" : "asc") : (column.firstOrder ?? "asc"))
                        }
                      >
                        {column.header}
                        {active ? (
                          sort.order === "asc" ? (
                            <ArrowUpIcon className="size-3.5 text-foreground" aria-hidden />
                          ) : (
                            <ArrowDownIcon className="size-3.5 text-foreground" aria-hidden />
                          )
                        ) : (
                          <ArrowUpDownIcon className="size-3.5 opacity-50" aria-hidden />
                        )}
                      </button>
                    ) : (
                      column.header
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody className={cn(isPlaceholderData && "opacity-60 transition-opacity")}>
            {isPending || !rows
              ? Array.from({ length: skeletonRows }, (_, i) => (
                  <TableRow key={`skeleton-${i}`} className="hover:bg-transparent max-md:flex max-md:flex-col max-md:gap-2 max-md:p-3">
                    {columns.map((column) => (
                      <TableCell key={column.id} className="max-md:p-0">
                        <Skeleton className="h-4 w-full max-w-40" />
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              : rows.map((row) => {
                  const href = rowHref?.(row);
                  return (
                    <TableRow
                      key={rowKey(row)}
                      className={cn(href && "cursor-pointer", "max-md:flex max-md:flex-col max-md:gap-1.5 max-md:p-3", rowClassName?.(row))}
                      onClick={href ? (event) => onRowClick(event, href) : undefined}
                    >
                      {columns.map((column, index) => {
                        const role = cardRole(column, index);
                        return (
                          <TableCell key={column.id} className={cn(column.className, "max-md:max-w-none max-md:p-0", CARD_CELL[role])}>
                            {role === "line" ? (
                              <span className="text-xs font-medium text-muted-foreground md:hidden" aria-hidden>
                                {column.header}
                              </span>
                            ) : null}
                            {role === "line" ? <div className="min-w-0 md:contents">{column.cell(row)}</div> : column.cell(row)}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  );
                })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

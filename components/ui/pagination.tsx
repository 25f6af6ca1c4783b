"use client";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { Button } from "./button";
import { NativeSelect } from "./input";
import { cn } from "@/lib/utils";

const numbers = new Intl.NumberFormat(undefined);

/** "51–100 of 1,234", page size, and first/previous/next/last: server-side paging for the data tables. */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  pageSizes = [25, 50, 100],
  noun = "rows",
  className,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizes?: readonly number[];
  noun?: string;
  className?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className={cn("flex flex-wrap items-center justify-between gap-3 text-sm", className)}>
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 ? (
          `No ${noun}`
        ) : (
          <>
            <span className="font-medium text-foreground tabular-nums">
              {numbers.format(first)}–{numbers.format(last)}
            </span>{" "}
            of <span className="font-medium text-foreground tabular-nums">{numbers.format(total)}</span> {noun}
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {onPageSizeChange ? (
          <label className="flex items-center gap-2 text-muted-foreground">
            <span className="whitespace-nowrap">Per page</span>
            <NativeSelect className="h-8 w-[4.75rem] pl-2 pr-6" value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </NativeSelect>
          </label>
        ) : null}
        <div className="flex items-center gap-1">
          <Button variant="outline" size="icon" className="size-8" onClick={() => onPageChange(1)} disabled={page <= 1} aria-label="First page">
            <ChevronsLeftIcon aria-hidden />
          </Button>
          <Button variant="outline" size="icon" className="size-8" onClick={() => onPageChange(page - 1)} disabled={page <= 1} aria-label="Previous page">
            <ChevronLeftIcon aria-hidden />
          </Button>
          <span className="px-2 whitespace-nowrap tabular-nums">
            Page {numbers.format(Math.min(page, pages))} of {numbers.format(pages)}
          </span>
          <Button variant="outline" size="icon" className="size-8" onClick={() => onPageChange(page + 1)} disabled={page >= pages} aria-label="Next page">
            <ChevronRightIcon aria-hidden />
          </Button>
          <Button variant="outline" size="icon" className="size-8" onClick={() => onPageChange(pages)} disabled={page >= pages} aria-label="Last page">
            <ChevronsRightIcon aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Label/value pairs of a detail page, in a responsive grid. */
export function DetailList({ items, className }: { items: { label: string; value: ReactNode; wide?: boolean }[]; className?: string }) {
  return (
    <dl className={cn("grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3", className)}>
      {items.map((item) => (
        <div key={item.label} className={cn("grid min-w-0 gap-1", item.wide && "sm:col-span-2 lg:col-span-3")}>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{item.label}</dt>
          <dd className="min-w-0 text-sm break-words">{item.value ?? <span className="text-muted-foreground">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

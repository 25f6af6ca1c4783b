import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export const fieldClasses =
  "flex h-9 w-full rounded-md border border-input bg-card px-3 py-1 text-sm shadow-xs transition-colors placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input data-slot="input" className={cn(fieldClasses, className)} {...props} />;
}

/** A native select: accessible and keyboard-friendly without extra JavaScript. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select data-slot="select" className={cn(fieldClasses, "pr-8", className)} {...props} />;
}

"use client";
import { useState } from "react";
import { toast } from "sonner";
import { ChevronRightIcon, CopyIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** The vendor's raw payload, collapsed by default, pretty-printed, with a copy button. */
export function JsonView({ value, title = "Raw vendor data", defaultOpen = false, className }: { value: unknown; title?: string; defaultOpen?: boolean; className?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  const text = value === undefined || value === null ? "null" : JSON.stringify(value, null, 2);
  const lines = text.split("\n").length;
  return (
    <details
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      className={cn("group rounded-lg border bg-card shadow-xs", className)}
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3 text-sm font-semibold select-none hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon className="size-4 transition-transform group-open:rotate-90" aria-hidden />
        {title}
        <span className="font-normal text-muted-foreground">({lines.toLocaleString()} lines of JSON)</span>
      </summary>
      {open ? (
        <div className="relative border-t">
          <Button
            size="sm"
            variant="outline"
            className="absolute right-3 top-3"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(text);
                toast.success("Copied to the clipboard");
              } catch {
                toast.error("Could not copy: the browser refused clipboard access.");
              }
            }}
          >
            <CopyIcon aria-hidden />
            Copy
          </Button>
          <pre className="max-h-[32rem] overflow-auto p-5 pr-28 font-mono text-xs leading-relaxed">{text}</pre>
        </div>
      ) : null}
    </details>
  );
}

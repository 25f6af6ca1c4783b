"use client";
// How old the last good backup is, in words and in colour (never colour alone): an icon and a tone per step of
// 24, 48 and 72 hours, the same steps as the lists' "no successful backup for more than" filter.
import { useEffect, useState } from "react";
import { CircleCheckIcon, CircleXIcon, ClockAlertIcon, ClockIcon, type LucideIcon } from "lucide-react";
import { formatDateTime, formatRelative } from "@/lib/format";
import { NO_SUCCESS_HOURS } from "@/lib/schemas/overview";
import { cn } from "@/lib/utils";
import { statusStyle } from "./status-badge";

interface AgeStep {
  icon: LucideIcon;
  className: string;
  /** For screen readers and the tooltip. */
  note: string | null;
}

const [DAY, TWO_DAYS, THREE_DAYS] = NO_SUCCESS_HOURS;

export function backupAgeStep(lastSuccessAt: string | null, now: number): AgeStep {
  if (!lastSuccessAt) return { icon: CircleXIcon, className: cn("font-medium", statusStyle("failed").text), note: "No successful backup yet" };
  const hours = (now - new Date(lastSuccessAt).getTime()) / 3_600_000;
  if (hours > THREE_DAYS) return { icon: CircleXIcon, className: cn("font-medium", statusStyle("failed").text), note: `No successful backup for more than ${THREE_DAYS} hours` };
  if (hours > TWO_DAYS) return { icon: ClockAlertIcon, className: cn("font-medium", statusStyle("missed").text), note: `No successful backup for more than ${TWO_DAYS} hours` };
  if (hours > DAY) return { icon: ClockIcon, className: statusStyle("warning").text, note: `No successful backup for more than ${DAY} hours` };
  return { icon: CircleCheckIcon, className: "", note: null };
}

/** "3 hours ago" with a check; "4 days ago" in red with a cross; "never" in red. Re-renders each minute. */
export function BackupAge({ value, quiet = false }: { value: string | null; /** Disabled agents and plans: no alarm colours. */ quiet?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const step = backupAgeStep(value, now);
  const Icon = step.icon;
  return (
    <span
      className={cn("inline-flex items-center gap-1 whitespace-nowrap", quiet ? "text-muted-foreground" : step.className)}
      title={[value ? `Last good backup ${formatDateTime(value)}` : null, step.note].filter(Boolean).join(". ")}
      data-age-note={step.note ?? undefined}
    >
      <Icon className={cn("size-3.5 shrink-0", !step.note && !quiet && "text-success")} aria-hidden />
      {value ? (
        <time dateTime={value} suppressHydrationWarning>
          {formatRelative(value)}
        </time>
      ) : (
        "never"
      )}
      {step.note && !quiet ? <span className="sr-only">: {step.note.toLowerCase()}</span> : null}
    </span>
  );
}

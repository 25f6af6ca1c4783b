import {
  BanIcon,
  CircleCheckIcon,
  CircleHelpIcon,
  CircleStopIcon,
  CircleDashedIcon,
  CircleXIcon,
  ClockAlertIcon,
  CalendarX2Icon,
  CloudOffIcon,
  EyeOffIcon,
  MinusIcon,
  LoaderCircleIcon,
  TriangleAlertIcon,
  WifiOffIcon,
  type LucideIcon,
} from "lucide-react";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/vendors/status";
import { cn } from "@/lib/utils";

/**
 * Every status the UI shows: the run/plan/endpoint statuses, "stale" for a connection whose data is old, and
 * two Activity-grid day states: "not-scheduled" (no run due, none ran) and "not-monitored" (before the app watched).
 */
export type DisplayStatus = Status | "stale" | "not-scheduled" | "not-monitored";

interface StatusStyle {
  label: string;
  icon: LucideIcon;
  /** Badge: tinted background, strong text. */
  badge: string;
  /** Solid fill (grid cells, bars, dots). */
  fill: string;
  /** Foreground on the solid fill. */
  onFill: string;
  /** Text colour alone (big numbers). */
  text: string;
}

export const STATUS_STYLES: Record<DisplayStatus, StatusStyle> = {
  success: {
    label: STATUS_LABELS.success,
    icon: CircleCheckIcon,
    badge: "bg-success/15 text-success",
    fill: "bg-success",
    onFill: "text-white dark:text-black/80",
    text: "text-success",
  },
  warning: {
    label: STATUS_LABELS.warning,
    icon: TriangleAlertIcon,
    badge: "bg-warning/20 text-[color-mix(in_oklch,var(--warning)_55%,var(--foreground))]",
    fill: "bg-warning",
    onFill: "text-black/75",
    text: "text-[color-mix(in_oklch,var(--warning)_70%,var(--foreground))]",
  },
  failed: {
    label: STATUS_LABELS.failed,
    icon: CircleXIcon,
    badge: "bg-destructive/12 text-destructive",
    fill: "bg-destructive",
    onFill: "text-white",
    text: "text-destructive",
  },
  missed: {
    label: STATUS_LABELS.missed,
    icon: ClockAlertIcon,
    badge: "bg-orange-500/15 text-orange-700 dark:text-orange-300",
    fill: "bg-orange-500",
    onFill: "text-white dark:text-black/80",
    text: "text-orange-600 dark:text-orange-400",
  },
  stopped: {
    label: STATUS_LABELS.stopped,
    icon: CircleStopIcon,
    badge: "bg-slate-500/15 text-slate-700 dark:text-slate-300",
    fill: "bg-slate-500",
    onFill: "text-white",
    text: "text-slate-600 dark:text-slate-400",
  },
  unknown: {
    label: STATUS_LABELS.unknown,
    icon: CircleHelpIcon,
    badge: "bg-sky-500/15 text-sky-800 dark:text-sky-300",
    fill: "bg-sky-600",
    onFill: "text-white",
    text: "text-sky-700 dark:text-sky-400",
  },
  offline: {
    label: STATUS_LABELS.offline,
    icon: WifiOffIcon,
    badge: "bg-violet-500/15 text-violet-700 dark:text-violet-300",
    fill: "bg-violet-500",
    onFill: "text-white",
    text: "text-violet-600 dark:text-violet-400",
  },
  running: {
    label: STATUS_LABELS.running,
    icon: LoaderCircleIcon,
    badge: "bg-primary/12 text-primary",
    fill: "bg-primary",
    onFill: "text-primary-foreground",
    text: "text-primary",
  },
  "never-ran": {
    label: STATUS_LABELS["never-ran"],
    icon: CircleDashedIcon,
    badge: "bg-muted text-muted-foreground",
    fill: "bg-muted-foreground/45",
    onFill: "text-background",
    text: "text-muted-foreground",
  },
  disabled: {
    label: STATUS_LABELS.disabled,
    icon: BanIcon,
    badge: "bg-muted text-muted-foreground",
    fill: "bg-muted-foreground/30",
    onFill: "text-foreground/70",
    text: "text-muted-foreground",
  },
  overdue: {
    label: STATUS_LABELS.overdue,
    icon: CalendarX2Icon,
    badge: "bg-rose-700/15 text-rose-800 dark:text-rose-300",
    fill: "bg-rose-800",
    onFill: "text-white",
    text: "text-rose-700 dark:text-rose-400",
  },
  "not-scheduled": {
    label: "Not scheduled",
    icon: MinusIcon,
    badge: "bg-muted text-muted-foreground",
    fill: "bg-muted/70",
    onFill: "text-muted-foreground/70",
    text: "text-muted-foreground",
  },
  "not-monitored": {
    label: "Not monitored yet",
    icon: EyeOffIcon,
    badge: "bg-muted text-muted-foreground",
    fill: "bg-[repeating-linear-gradient(135deg,var(--muted)_0_4px,transparent_4px_8px)] ring-1 ring-inset ring-border",
    onFill: "text-muted-foreground",
    text: "text-muted-foreground",
  },
  stale: {
    label: "Stale data",
    icon: CloudOffIcon,
    badge: "bg-amber-500/15 text-amber-800 dark:text-amber-300",
    fill: "bg-amber-500",
    onFill: "text-black/80",
    text: "text-amber-700 dark:text-amber-400",
  },
};

export function statusStyle(status: string): StatusStyle {
  return STATUS_STYLES[status as DisplayStatus] ?? { ...STATUS_STYLES["never-ran"], label: status };
}

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** Colour, icon and text together, so a status never relies on colour alone. */
export function StatusBadge({ status, className, label, size = "default" }: { status: string; className?: string; label?: string; size?: "default" | "lg" }) {
  const style = statusStyle(status);
  const Icon = style.icon;
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1 rounded-md font-medium whitespace-nowrap",
        size === "lg" ? "px-2.5 py-1 text-sm [&_svg]:size-4" : "px-2 py-0.5 text-xs [&_svg]:size-3.5",
        style.badge,
        className,
      )}
    >
      <Icon aria-hidden />
      {label ?? style.label}
    </span>
  );
}

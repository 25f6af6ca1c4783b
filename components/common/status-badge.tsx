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
    onFill: "text-success-foreground",
    text: "text-success",
  },
  warning: {
    label: STATUS_LABELS.warning,
    icon: TriangleAlertIcon,
    badge: "bg-warning/20 text-warning-text",
    fill: "bg-warning",
    onFill: "text-warning-foreground",
    text: "text-warning-text",
  },
  failed: {
    label: STATUS_LABELS.failed,
    icon: CircleXIcon,
    badge: "bg-destructive/12 text-destructive",
    fill: "bg-destructive",
    onFill: "text-destructive-foreground",
    text: "text-destructive",
  },
  missed: {
    label: STATUS_LABELS.missed,
    icon: ClockAlertIcon,
    badge: "bg-missed/15 text-missed-text",
    fill: "bg-missed",
    onFill: "text-missed-foreground",
    text: "text-missed-text",
  },
  stopped: {
    label: STATUS_LABELS.stopped,
    icon: CircleStopIcon,
    badge: "bg-stopped/15 text-stopped-text",
    fill: "bg-stopped",
    onFill: "text-stopped-foreground",
    text: "text-stopped-text",
  },
  unknown: {
    label: STATUS_LABELS.unknown,
    icon: CircleHelpIcon,
    badge: "bg-unknown/15 text-unknown-text",
    fill: "bg-unknown",
    onFill: "text-unknown-foreground",
    text: "text-unknown-text",
  },
  offline: {
    label: STATUS_LABELS.offline,
    icon: WifiOffIcon,
    badge: "bg-offline/15 text-offline-text",
    fill: "bg-offline",
    onFill: "text-offline-foreground",
    text: "text-offline-text",
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
    badge: "bg-stale/15 text-stale-text",
    fill: "bg-stale",
    onFill: "text-stale-foreground",
    text: "text-stale-text",
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

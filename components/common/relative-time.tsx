"use client";
import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";

/** "3 hours ago", with the exact local time on hover; re-renders every minute so wall displays stay true. */
export function RelativeTime({ value, fallback = "never" }: { value: string | null | undefined; fallback?: string }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!value) return <span className="text-muted-foreground">{fallback}</span>;
  const date = new Date(value);
  return (
    <time dateTime={value} title={formatDateTime(date, { seconds: true })} suppressHydrationWarning>
      {formatRelative(date)}
    </time>
  );
}

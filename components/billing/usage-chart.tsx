"use client";
import { useTheme } from "next-themes";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LoadError } from "@/components/common/query-state";
import { formatBytes, formatPeriod } from "@/lib/format";
import { useUsageTrend } from "@/lib/queries/usage";
import { VENDOR_INFO, VENDORS, type Vendor } from "@/lib/vendors/catalog";

/** The vendor colours of the vendor badges (sky for MSP360, rose for Rackspace), per theme. */
const COLORS: Record<"light" | "dark", Record<Vendor, string>> = {
  light: { msp360: "#0284c7", rackspace: "#e11d48" },
  dark: { msp360: "#38bdf8", rackspace: "#fb7185" },
};

function storageOf(point: { period: string }, vendor: Vendor): number | undefined {
  const value = (point as Record<string, unknown>)[vendor];
  return typeof value === "number" ? value : undefined;
}

export function UsageChart({ vendor, customerId }: { vendor?: string; customerId?: string }) {
  const { resolvedTheme } = useTheme();
  const colors = COLORS[resolvedTheme === "dark" ? "dark" : "light"];
  const trend = useUsageTrend({ vendor, customerId, months: 12 });
  const points = trend.data?.points ?? [];
  const vendors = VENDORS.filter((v) => points.some((p) => storageOf(p, v) !== undefined));

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Storage growth</CardTitle>
        <CardDescription>Storage at the end of each month, by vendor (last 12 months).</CardDescription>
      </CardHeader>
      <CardContent>
        {trend.isPending ? (
          <Skeleton className="h-64" />
        ) : trend.error ? (
          <LoadError error={trend.error} onRetry={() => trend.refetch()} />
        ) : points.length === 0 ? (
          <p className="py-16 text-center text-sm text-muted-foreground">No storage reported yet; the chart fills in month by month.</p>
        ) : (
          <div className="h-64" role="img" aria-label={`Storage by month: ${points.map((p) => `${formatPeriod(p.period)} ${vendors.map((v) => `${VENDOR_INFO[v].shortLabel} ${formatBytes(storageOf(p, v) ?? 0)}`).join(", ")}`).join("; ")}`}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} barCategoryGap="25%">
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p)} tick={{ fill: "var(--muted-foreground)", fontSize: 12 }} axisLine={{ stroke: "var(--border)" }} tickLine={false} />
                <YAxis tickFormatter={(v: number) => formatBytes(v, { fractionDigits: 0 })} tick={{ fill: "var(--muted-foreground)", fontSize: 12 }} axisLine={false} tickLine={false} width={64} />
                <Tooltip
                  cursor={{ fill: "var(--muted)", opacity: 0.6 }}
                  contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--popover-foreground)", fontSize: 13 }}
                  labelStyle={{ color: "var(--popover-foreground)", fontWeight: 600 }}
                  labelFormatter={(p) => formatPeriod(String(p))}
                  formatter={(value, name) => [formatBytes(Number(value)), VENDOR_INFO[name as Vendor]?.shortLabel ?? String(name)]}
                />
                <Legend formatter={(name: string) => <span style={{ color: "var(--foreground)" }}>{VENDOR_INFO[name as Vendor]?.shortLabel ?? name}</span>} />
                {vendors.map((v, i) => (
                  <Bar key={v} dataKey={v} name={v} stackId="storage" fill={colors[v]} radius={i === vendors.length - 1 ? [4, 4, 0, 0] : 0} maxBarSize={64} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

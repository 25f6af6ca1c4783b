"use client";
// When a scheduled run counts as missed and a plan as overdue. Statuses follow at each connection's next sync.
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useMonitoringSettings, useSaveMonitoringSettings } from "@/lib/queries/monitoring-settings";

export function MonitoringSettingsForm() {
  const query = useMonitoringSettings();
  const save = useSaveMonitoringSettings();
  const [grace, setGrace] = useState<string | null>(null);
  const [windowHours, setWindowHours] = useState<string | null>(null);
  const data = query.data;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { missedGraceMinutes: Number(grace ?? data?.missedGraceMinutes), overdueWindowHours: Number(windowHours ?? data?.overdueWindowHours) },
      {
        onSuccess: () => {
          toast.success("Saved; statuses follow at each connection's next sync");
          setGrace(null);
          setWindowHours(null);
        },
        onError: (error) => toast.error(error.message),
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Missed and overdue backups</CardTitle>
        <CardDescription>
          A scheduled run that has not started within the grace is <strong>missed</strong> (plans running more often than every 4 hours get a quarter of their interval). A
          plan without a good backup for longer than the window is <strong>overdue</strong> (daily plans; weekly and monthly plans get their gap on top of the part beyond a day).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!data ? (
          <Skeleton className="h-16" />
        ) : (
          <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
            <div className="grid gap-1.5">
              <Label htmlFor="missed-grace">Missed after (minutes)</Label>
              <Input id="missed-grace" type="number" min={1} max={1440} required className="w-40" value={grace ?? String(data.missedGraceMinutes)} onChange={(e) => setGrace(e.target.value)} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="overdue-window">Overdue after (hours)</Label>
              <Input id="overdue-window" type="number" min={1} max={2160} required className="w-40" value={windowHours ?? String(data.overdueWindowHours)} onChange={(e) => setWindowHours(e.target.value)} />
            </div>
            <Button type="submit" disabled={save.isPending || (grace === null && windowHours === null)}>
              Save
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}

"use client";
import { CalendarDaysIcon, ListIcon } from "lucide-react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { StaleBanner } from "@/components/common/stale";
import { useUrlState } from "@/components/common/use-url-state";
import { RunGrid } from "./run-grid";
import { RunsList } from "./runs-list";

/** Activity: the calendar grid (default) or the list of runs, chosen by ?view=grid|list. */
export function ActivityView() {
  const url = useUrlState();
  const view = url.get("view") === "list" ? "list" : "grid";
  return (
    <Tabs value={view} onValueChange={(next) => url.set({ view: next === "grid" ? null : next })} className="grid grid-cols-1 gap-4">
      <StaleBanner />
      <TabsList className="w-fit">
        <TabsTrigger value="grid">
          <CalendarDaysIcon aria-hidden />
          Calendar
        </TabsTrigger>
        <TabsTrigger value="list">
          <ListIcon aria-hidden />
          Runs
        </TabsTrigger>
      </TabsList>
      <TabsContent value="grid">{view === "grid" ? <RunGrid /> : null}</TabsContent>
      <TabsContent value="list">{view === "list" ? <RunsList /> : null}</TabsContent>
    </Tabs>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { BellRingIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { MonitoringBoard } from "@/components/monitoring/monitoring-board";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Monitoring" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The old kiosk view needed a session that expired overnight; the wall now opens through a display link.
  if ((await searchParams).kiosk === "1") redirect("/wall");
  const user = await requirePageUser("viewer");
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Monitoring" description="What needs attention now, most severe first. Refreshes every 30 seconds." />
      {connections.length === 0 ? (
        <AwaitingData icon={BellRingIcon} role={user.role} title="Nothing to monitor yet" description="Failed, missed and offline backups will be listed here by severity." />
      ) : (
        <Suspense fallback={<LoadingRows rows={8} />}>
          <MonitoringBoard role={user.role} />
        </Suspense>
      )}
    </>
  );
}

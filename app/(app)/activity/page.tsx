import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { ActivityView } from "@/components/activity/activity-view";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Activity" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Activity" description="What ran, when, and how it ended: day by day per agent, or run by run." />
      {connections.length === 0 ? (
        <AwaitingData icon={ActivityIcon} role={user.role} title="No activity yet" description="Backup and restore runs will appear here as a calendar grid and a list." />
      ) : (
        <Suspense fallback={<LoadingRows rows={10} />}>
          <ActivityView />
        </Suspense>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { ClipboardListIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { PlansList } from "@/components/inventory/plans-list";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Backup plans" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Backup plans" description="MSP360 plans and Rackspace backup configurations: schedules, last results and what is missed." />
      {connections.length === 0 ? (
        <AwaitingData icon={ClipboardListIcon} role={user.role} title="No backup plans yet" description="MSP360 plans and Rackspace backup configurations will appear here with their schedules and last results." />
      ) : (
        <Suspense fallback={<LoadingRows rows={10} />}>
          <PlansList />
        </Suspense>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { MonitorSmartphoneIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { AgentsList } from "@/components/inventory/agents-list";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Agents" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Agents" description="Every endpoint of every vendor and customer, with its status and last good backup." />
      {connections.length === 0 ? (
        <AwaitingData icon={MonitorSmartphoneIcon} role={user.role} title="No agents yet" description="MSP360 computers and Rackspace agents of all your customers will be listed here, with their status and last successful backup." />
      ) : (
        <Suspense fallback={<LoadingRows rows={10} />}>
          <AgentsList />
        </Suspense>
      )}
    </>
  );
}

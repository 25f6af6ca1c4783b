import type { Metadata } from "next";
import { Suspense } from "react";
import { ReceiptIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { BillingView } from "@/components/billing/billing-view";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Billing" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Billing" description="Storage and cost per customer and endpoint across vendors, by month, with the CSV for invoicing." />
      {connections.length === 0 ? (
        <AwaitingData icon={ReceiptIcon} role={user.role} title="No usage yet" description="MSP360 billing and the storage of every vendor will appear here per month." />
      ) : (
        <Suspense fallback={<LoadingRows rows={8} />}>
          <BillingView />
        </Suspense>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { ReceiptIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Billing" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Billing" description="Storage and cost per customer and endpoint." />
      <AwaitingData icon={ReceiptIcon} role={user.role} title="No usage yet" description="MSP360 billing and the storage of every vendor will appear here per month." />
    </>
  );
}

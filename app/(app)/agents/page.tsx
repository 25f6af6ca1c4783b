import type { Metadata } from "next";
import { MonitorSmartphoneIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Agents" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Agents" description="Every endpoint of every vendor and customer." />
      <AwaitingData icon={MonitorSmartphoneIcon} role={user.role} title="No agents yet" description="MSP360 computers and Rackspace agents of all your customers will be listed here, with their status and last successful backup." />
    </>
  );
}

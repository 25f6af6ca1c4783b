import type { Metadata } from "next";
import { ClipboardListIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Backup plans" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Backup plans" description="Backup configurations across vendors." />
      <AwaitingData icon={ClipboardListIcon} role={user.role} title="No backup plans yet" description="MSP360 plans and Rackspace backup configurations will appear here with their schedules and last results." />
    </>
  );
}

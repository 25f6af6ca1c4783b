import type { Metadata } from "next";
import { BellRingIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Monitoring" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Monitoring" description="What needs attention now." />
      <AwaitingData icon={BellRingIcon} role={user.role} title="Nothing to monitor yet" description="Failed, missed and offline backups will be listed here by severity." />
    </>
  );
}

import type { Metadata } from "next";
import { ActivityIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Activity" };

export default async function Page() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Activity" description="What ran, when, and how it ended." />
      <AwaitingData icon={ActivityIcon} role={user.role} title="No activity yet" description="Backup and restore runs will appear here as a calendar grid and a list." />
    </>
  );
}

import type { Metadata } from "next";
import { KeyRoundIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";

export const metadata: Metadata = { title: "Public API" };

export default async function Page() {
  const user = await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Public API" description="Read-only datasets and widgets for your clients, protected by API keys." />
      <AwaitingData icon={KeyRoundIcon} role={user.role} title="No API keys yet" description="API keys that let your clients read datasets and widgets will be managed here." />
    </>
  );
}

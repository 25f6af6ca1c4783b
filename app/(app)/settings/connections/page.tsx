import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { ConnectionsManager } from "@/components/connections/connections-manager";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Vendor connections" description="Each connection is one vendor account. Secrets are encrypted at rest and never shown again." />
      <ConnectionsManager />
    </>
  );
}

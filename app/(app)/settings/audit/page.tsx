import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { AuditLog } from "@/components/audit/audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Audit log" description="Append-only: sign-ins, user and connection changes, and every action taken at a vendor." />
      <Suspense>
        <AuditLog />
      </Suspense>
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { ActionsFeed } from "@/components/actions/actions-feed";
import { Msp360ChangesFeed } from "@/components/actions/msp360-changes-feed";
import { hasRole } from "@/lib/schemas/roles";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Actions" };

export default async function Page() {
  const user = await requirePageUser("technician");
  return (
    <>
      <PageHeader title="Actions" description="Who asked a vendor for what, and where it stands now: backups started and stopped, restores, agent and plan switches." />
      <Suspense fallback={<LoadingRows rows={10} />}>
        <ActionsFeed />
      </Suspense>
      {hasRole(user.role, "admin") ? (
        <div className="mt-6">
          <Msp360ChangesFeed />
        </div>
      ) : null}
    </>
  );
}

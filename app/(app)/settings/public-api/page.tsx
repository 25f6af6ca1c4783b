import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { PublicApiManager } from "@/components/public-api/public-api-manager";
import { PublicApiSectionNav } from "@/components/public-api/section-nav";

export const metadata: Metadata = { title: "Public API" };

export default async function PublicApiPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader
        title="Public API"
        description="Share datasets and widgets with your customers and their tools (PSA, BI, documentation) through read-only API keys."
      />
      <PublicApiSectionNav current="keys" />
      <PublicApiManager />
    </>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { PublicApiSectionNav } from "@/components/public-api/section-nav";
import { ResourceLibrary } from "@/components/public-api/resource-library";

export const metadata: Metadata = { title: "Datasets and widgets" };

export default async function PublicApiLibraryPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Public API" description="Datasets are saved queries over the synced data; widgets aggregate a dataset. Bind them to keys on the Keys tab." />
      <PublicApiSectionNav current="library" />
      <ResourceLibrary />
    </>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { DisplayLinksManager } from "@/components/display-links/display-links-manager";

export const metadata: Metadata = { title: "Display links" };

export default async function DisplayLinksPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Display links" description="The NOC wall on a screen with nobody signed in: one link per screen, scoped to its customers, revocable at any time." />
      <DisplayLinksManager />
    </>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { RunDetail } from "@/components/activity/run-detail";

export const metadata: Metadata = { title: "Run" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  return <RunDetail id={id} />;
}

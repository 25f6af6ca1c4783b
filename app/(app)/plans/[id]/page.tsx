import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PlanDetail } from "@/components/inventory/plan-detail";

export const metadata: Metadata = { title: "Backup plan" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  return <PlanDetail id={id} />;
}

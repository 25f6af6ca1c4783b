import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { AgentDetail } from "@/components/inventory/agent-detail";

export const metadata: Metadata = { title: "Agent" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  return <AgentDetail id={id} />;
}

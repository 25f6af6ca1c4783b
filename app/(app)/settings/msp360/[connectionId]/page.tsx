import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { Msp360Admin } from "@/components/msp360/msp360-admin";

export const metadata: Metadata = { title: "MSP360 administration" };

export default async function Msp360ConnectionPage({ params }: { params: Promise<{ connectionId: string }> }) {
  await requirePageUser("admin");
  const { connectionId } = await params;
  return <Msp360Admin connectionId={connectionId} />;
}

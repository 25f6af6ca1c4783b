import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { Msp360ConnectionPicker } from "@/components/msp360/msp360-admin";

export const metadata: Metadata = { title: "MSP360 administration" };

export default async function Msp360Page() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="MSP360 administration" description="Users, licenses, companies, storage and builds of a connected MSP360 account." />
      <Msp360ConnectionPicker />
    </>
  );
}

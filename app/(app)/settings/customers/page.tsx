import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { CustomersManager } from "@/components/customers/customers-manager";
import { hasRole } from "@/lib/schemas/roles";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const user = await requirePageUser();
  return (
    <>
      <PageHeader
        title="Customers"
        description="Each customer groups its MSP360 companies and Rackspace accounts: every page, filter, count and bill follows. A vendor customer nobody linked is a customer of its own."
      />
      <CustomersManager canEdit={hasRole(user.role, "admin")} />
    </>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { UsersManager } from "@/components/users/users-manager";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Users" description="Admins manage everything; technicians run backups and restores; viewers only look." />
      <UsersManager currentUserId={user.id} />
    </>
  );
}

import type { ReactNode } from "react";
import Link from "next/link";
import { DatabaseBackupIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { MobileNav } from "@/components/shell/mobile-nav";
import { CurrentUserProvider } from "@/components/providers/current-user";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col gap-6 border-r bg-sidebar p-3 md:flex">
        <Link href="/" className="flex items-center gap-2 px-2.5 pt-1 font-semibold">
          <DatabaseBackupIcon className="size-5 text-primary" aria-hidden />
          Backup Console
        </Link>
        <SidebarNav role={user.role} />
        <UserMenu name={user.name} email={user.email} role={user.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-2 border-b bg-sidebar px-4 py-2 md:hidden">
          <MobileNav role={user.role} />
          <Link href="/" className="mr-auto flex items-center gap-2 font-semibold">
            <DatabaseBackupIcon className="size-5 text-primary" aria-hidden />
            Backup Console
          </Link>
          <div className="w-44">
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-[120rem] flex-1 px-4 py-6 md:px-8 md:py-8">
          <CurrentUserProvider user={{ name: user.name, email: user.email, role: user.role }}>{children}</CurrentUserProvider>
        </main>
      </div>
    </div>
  );
}

"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { cn } from "@/lib/utils";
import { MAIN_NAV, SETTINGS_NAV, type NavItem } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  return href === "/" || href === "/settings" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = isActive(pathname, item.href);
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors",
        active ? "bg-primary/10 font-medium text-primary" : "text-muted-foreground hover:bg-accent hover:text-foreground",
      )}
    >
      <item.icon className="size-4 shrink-0" aria-hidden />
      {item.label}
    </Link>
  );
}

export function SidebarNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const visible = (items: NavItem[]) => items.filter((item) => hasRole(role, item.minimumRole));
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-6">
      <div className="grid gap-0.5">
        {visible(MAIN_NAV).map((item) => (
          <NavLink key={item.href} item={item} pathname={pathname} />
        ))}
      </div>
      <div className="grid gap-0.5">
        <p className="px-2.5 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Administration</p>
        {visible(SETTINGS_NAV).map((item) => (
          <NavLink key={item.href} item={item} pathname={pathname} />
        ))}
      </div>
    </nav>
  );
}

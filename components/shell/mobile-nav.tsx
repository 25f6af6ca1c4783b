"use client";
import Link from "next/link";
import { MenuIcon } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { MAIN_NAV, SETTINGS_NAV } from "./nav-items";

/** On narrow screens the sidebar is hidden; this menu carries the same links. */
export function MobileNav({ role }: { role: Role }) {
  const groups = [MAIN_NAV, SETTINGS_NAV].map((items) => items.filter((item) => hasRole(role, item.minimumRole)));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex size-9 items-center justify-center rounded-md hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label="Navigation"
      >
        <MenuIcon className="size-5" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-56">
        {groups.map((items, index) => (
          <div key={index}>
            {index > 0 ? <DropdownMenuSeparator /> : null}
            {items.map((item) => (
              <DropdownMenuItem key={item.href} asChild>
                <Link href={item.href}>
                  <item.icon aria-hidden />
                  {item.label}
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

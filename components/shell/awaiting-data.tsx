import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InstallDemoButton } from "@/components/demo/demo-controls";
import { hasRole, type Role } from "@/lib/schemas/roles";

/** The empty state of a data page before any vendor data exists: says what will appear and what to do next. */
export function AwaitingData({ icon, title, description, role }: { icon: LucideIcon; title: string; description: string; role: Role }) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={
        <>
          {description}{" "}
          {hasRole(role, "admin")
            ? "Connect a vendor account to start, or explore with demo data from simulated vendors."
            : "An admin needs to connect a vendor account first."}
        </>
      }
      action={
        hasRole(role, "admin") ? (
          <>
            <Button asChild>
              <Link href="/settings/connections">Connect a vendor</Link>
            </Button>
            <InstallDemoButton />
          </>
        ) : undefined
      }
    />
  );
}

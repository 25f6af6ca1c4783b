import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SETTINGS_NAV } from "@/components/shell/nav-items";
import { hasRole, ROLE_LABELS } from "@/lib/schemas/roles";
import { MonitoringSettingsForm } from "@/components/settings/monitoring-settings-form";

export const metadata: Metadata = { title: "Settings" };

const DESCRIPTIONS: Record<string, string> = {
  "/settings/connections": "Vendor accounts and their encrypted credentials.",
  "/settings/customers": "Your customers: link their MSP360 companies and Rackspace accounts into one, rename them.",
  "/settings/users": "Who can sign in, and with which role.",
  "/settings/msp360": "MSP360's own administration: users, licenses, companies, packages, storage, administrators, builds, computers.",
  "/settings/public-api": "API keys that give customers read-only access to chosen datasets and widgets.",
  "/settings/audit": "Every sign-in and every change, with who, when and from where.",
};

export default async function SettingsPage() {
  const user = await requirePageUser();
  const sections = SETTINGS_NAV.filter((item) => item.href !== "/settings" && hasRole(user.role, item.minimumRole));
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${user.email} (${ROLE_LABELS[user.role]}).`} />
      {sections.length === 0 ? (
        <p className="text-sm text-muted-foreground">Your role has no settings to manage. Admins manage connections, users and the audit log.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((item) => (
            <Link key={item.href} href={item.href} className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
              <Card className="h-full transition-colors hover:bg-accent/50">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    <item.icon className="size-4 text-primary" aria-hidden />
                    {item.label}
                  </CardTitle>
                  <CardDescription>{DESCRIPTIONS[item.href]}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          ))}
        </div>
      )}
      {hasRole(user.role, "admin") ? (
        <div className="mt-6">
          <MonitoringSettingsForm />
        </div>
      ) : null}
    </>
  );
}

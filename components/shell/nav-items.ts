import {
  ActivityIcon,
  Building2Icon,
  BellRingIcon,
  BuildingIcon,
  CableIcon,
  ClipboardListIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  MonitorIcon,
  MonitorSmartphoneIcon,
  ReceiptIcon,
  ScrollTextIcon,
  SettingsIcon,
  UsersIcon,
  ZapIcon,
  type LucideIcon,
} from "lucide-react";
import type { Role } from "@/lib/schemas/roles";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  minimumRole: Role;
}

export const MAIN_NAV: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboardIcon, minimumRole: "viewer" },
  { href: "/agents", label: "Agents", icon: MonitorSmartphoneIcon, minimumRole: "viewer" },
  { href: "/plans", label: "Backup plans", icon: ClipboardListIcon, minimumRole: "viewer" },
  { href: "/activity", label: "Activity", icon: ActivityIcon, minimumRole: "viewer" },
  { href: "/monitoring", label: "Monitoring", icon: BellRingIcon, minimumRole: "viewer" },
  { href: "/actions", label: "Actions", icon: ZapIcon, minimumRole: "technician" },
  { href: "/billing", label: "Billing", icon: ReceiptIcon, minimumRole: "viewer" },
];

export const SETTINGS_NAV: NavItem[] = [
  { href: "/settings", label: "Settings", icon: SettingsIcon, minimumRole: "viewer" },
  { href: "/settings/connections", label: "Connections", icon: CableIcon, minimumRole: "admin" },
  { href: "/settings/customers", label: "Customers", icon: Building2Icon, minimumRole: "viewer" },
  { href: "/settings/users", label: "Users", icon: UsersIcon, minimumRole: "admin" },
  { href: "/settings/msp360", label: "MSP360", icon: BuildingIcon, minimumRole: "admin" },
  { href: "/settings/public-api", label: "Public API", icon: KeyRoundIcon, minimumRole: "admin" },
  { href: "/settings/display-links", label: "Display links", icon: MonitorIcon, minimumRole: "admin" },
  { href: "/settings/audit", label: "Audit log", icon: ScrollTextIcon, minimumRole: "admin" },
];

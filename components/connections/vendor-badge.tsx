import { Badge } from "@/components/ui/badge";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";

const VENDOR_COLORS: Record<Vendor, string> = {
  msp360: "bg-sky-500/12 text-sky-700 dark:text-sky-300",
  rackspace: "bg-rose-500/12 text-rose-700 dark:text-rose-300",
};

export function VendorBadge({ vendor, className }: { vendor: Vendor; className?: string }) {
  return (
    <Badge variant="outline" className={cn("border-transparent", VENDOR_COLORS[vendor], className)}>
      {VENDOR_INFO[vendor].shortLabel}
    </Badge>
  );
}

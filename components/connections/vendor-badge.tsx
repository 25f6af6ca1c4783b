import { Badge } from "@/components/ui/badge";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";

const VENDOR_COLORS: Record<Vendor, string> = {
  msp360: "bg-msp360/12 text-msp360-text",
  rackspace: "bg-rackspace/12 text-rackspace-text",
};

export function VendorBadge({ vendor, className }: { vendor: Vendor; className?: string }) {
  return (
    <Badge variant="outline" className={cn("border-transparent", VENDOR_COLORS[vendor], className)}>
      {VENDOR_INFO[vendor].shortLabel}
    </Badge>
  );
}

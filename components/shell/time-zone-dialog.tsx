"use client";
// The user's own time zone: the Activity grid's days are calendar days there. Default: the browser's zone.
import { useMemo, useState } from "react";
import { GlobeIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { useBrowserTimeZone, useMe, useSetTimeZone } from "@/lib/queries/me";

const BROWSER = "";

export function TimeZoneDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const me = useMe();
  const browser = useBrowserTimeZone();
  const save = useSetTimeZone();
  const [value, setValue] = useState<string | null>(null);
  const current = value ?? me.data?.timeZone ?? BROWSER;
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);

  const submit = () =>
    save.mutate(current || null, {
      onSuccess: () => {
        toast.success(`Days are now shown in ${current || `your browser's zone (${browser})`}`);
        onOpenChange(false);
        setValue(null);
      },
      onError: (error) => toast.error(error.message),
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <GlobeIcon className="size-4" aria-hidden />
            Your time zone
          </DialogTitle>
          <DialogDescription>The Activity grid shows calendar days in this zone. Only you see this setting.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="user-time-zone">Time zone</Label>
          <select
            id="user-time-zone"
            value={current}
            onChange={(e) => setValue(e.target.value)}
            className="h-9 rounded-md border bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <option value={BROWSER}>Browser&apos;s zone{browser ? ` (${browser})` : ""}</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="button" onClick={submit} disabled={save.isPending}>
            Save
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FlaskConicalIcon, Trash2Icon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useDemoMutation, useDemoStatus } from "@/lib/queries/demo";

export function InstallDemoButton({ variant = "outline" }: { variant?: "default" | "outline" }) {
  const router = useRouter();
  const install = useDemoMutation("install");
  async function onClick() {
    try {
      await install.mutateAsync();
      toast.success("Demo data added", { description: "Two simulated vendor accounts are connected." });
      router.refresh();
    } catch (error) {
      toast.error("Could not add the demo data", { description: (error as Error).message });
    }
  }
  return (
    <Button variant={variant} onClick={onClick} disabled={install.isPending}>
      <FlaskConicalIcon aria-hidden />
      {install.isPending ? "Adding demo data…" : "Explore with demo data"}
    </Button>
  );
}

/** Shown to admins while the demo is installed: says what it is, and removes it in one click. */
export function DemoBanner() {
  const router = useRouter();
  const status = useDemoStatus();
  const remove = useDemoMutation("remove");
  if (!status.data?.installed) return null;
  async function onRemove() {
    try {
      await remove.mutateAsync();
      toast.success("Demo data removed");
      router.refresh();
    } catch (error) {
      toast.error("Could not remove the demo data", { description: (error as Error).message });
    }
  }
  return (
    <Alert variant="info" className="items-center">
      <FlaskConicalIcon aria-hidden />
      <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
        <span>
          <strong>Demo data.</strong> The demo connections talk to simulated MSP360 and Rackspace accounts built into this app.
        </span>
        <Button size="sm" variant="outline" onClick={onRemove} disabled={remove.isPending}>
          <Trash2Icon aria-hidden />
          Remove demo
        </Button>
      </div>
    </Alert>
  );
}

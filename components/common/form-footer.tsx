"use client";
// The foot of a form in a dialog: Cancel, and the button that submits it (off while it is being sent).
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

export function FormFooter({ onCancel, pending, label, destructive = false, disabled = false }: { onCancel: () => void; pending: boolean; label: ReactNode; destructive?: boolean; disabled?: boolean }) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending || disabled}>
        {label}
      </Button>
    </DialogFooter>
  );
}

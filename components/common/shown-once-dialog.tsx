"use client";
// A secret the app shows once and keeps only as a hash (an API key, a display link's address): shown with a Copy
// button and a warning, and the dialog closes only when the person says it is copied (not by a stray click).
import { AlertTriangleIcon, CopyIcon } from "lucide-react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export async function copyText(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error("Could not copy: the browser refused clipboard access.");
  }
}

interface ShownOnceDialogProps {
  /** The secret; null keeps the dialog closed. */
  secret: string | null;
  title: string;
  description: string;
  /** What it is, for the Copy button and its toast ("The API key"). */
  what: string;
  warning: string;
  testId: string;
  /** More buttons next to "I have copied it". */
  extra?: React.ReactNode;
  onClose: () => void;
}

export function ShownOnceDialog({ secret, title, description, what, warning, testId, extra, onClose }: ShownOnceDialogProps) {
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent onInteractOutside={(e) => e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="grid min-w-0 grid-cols-[minmax(0,1fr)_auto] items-center gap-2">
          <code data-testid={testId} className="rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
            {secret}
          </code>
          <Button onClick={() => secret && copyText(secret, what)} aria-label={`Copy ${what.replace(/^The /, "the ")}`}>
            <CopyIcon aria-hidden />
            Copy
          </Button>
        </div>
        <Alert variant="warning">
          <AlertTriangleIcon aria-hidden />
          <span>{warning}</span>
        </Alert>
        <DialogFooter>
          {extra}
          <Button onClick={onClose}>I have copied it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

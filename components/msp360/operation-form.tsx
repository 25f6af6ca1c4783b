"use client";
// The pieces every MSP360 administration form shares: checked by the operation's own schema (the one the route
// checks with) before anything is sent, MSP360's refusal shown in its words, the result said in a toast.
import { useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormFooter } from "@/components/common/form-footer";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api/client";
import { useMsp360Operate, type Msp360Operation } from "@/lib/queries/msp360-admin";

type OperationSchema = z.ZodType<Msp360Operation, FieldValues>;

/** What went wrong, in words: MSP360's refusal as the API words it, or why the app could not be reached. */
export function problemOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "The app could not be reached; nothing was sent to MSP360.";
}

/** A form for one MSP360 operation. `onDone` gets MSP360's result after a success. */
export function useOperationForm<S extends OperationSchema>(connectionId: string, schema: S, defaultValues: DefaultValues<z.input<S>>, onDone: (result: { message: string; id: string | null }) => void) {
  const operate = useMsp360Operate(connectionId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>, defaultValues });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await operate.mutateAsync(values);
      toast.success(result.message);
      onDone(result);
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
      for (const [field, message] of fields) form.setError(field as Path<z.input<S>>, { message });
      if (fields.length === 0) setFormError(problemOf(error));
    }
  });
  return { form, submit, formError, pending: form.formState.isSubmitting };
}

/** A dialog around one form; the form mounts only while it is open, so each opening starts clean. */
export function FormDialog({ open, onOpenChange, title, description, children }: { open: boolean; onOpenChange: (open: boolean) => void; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        {open ? children : null}
      </DialogContent>
    </Dialog>
  );
}

export function FormButtons({ onCancel, pending, label, destructive = false, disabled = false }: { onCancel: () => void; pending: boolean; label: string; destructive?: boolean; disabled?: boolean }) {
  return <FormFooter onCancel={onCancel} pending={pending} label={pending ? "Sending to MSP360…" : label} destructive={destructive} disabled={disabled} />;
}

/** A checkbox with its words: the switches of MSP360's forms (enabled, send instructions…). */
export function CheckboxField({ children, ...input }: React.ComponentProps<"input"> & { children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4" {...input} />
      {children}
    </label>
  );
}

/** First and last name side by side, as MSP360's users and administrators have them. */
export function NameFields({ idPrefix, first, last, errors }: { idPrefix: string; first: UseFormRegisterReturn; last: UseFormRegisterReturn; errors: { firstName?: { message?: string }; lastName?: { message?: string } } }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={`${idPrefix}-first`} label="First name" error={errors.firstName?.message}>
        <Input id={`${idPrefix}-first`} {...first} />
      </FormField>
      <FormField id={`${idPrefix}-last`} label="Last name" error={errors.lastName?.message}>
        <Input id={`${idPrefix}-last`} {...last} />
      </FormField>
    </div>
  );
}

export { FormError };

/**
 * A confirmation for a change that cannot be undone: what happens, in words, and the object's name typed to go on.
 * Sends the operation itself; MSP360's refusal stays in the dialog. Mounted while wanted; `onClose` ends it.
 */
export function ConfirmOperation({
  connectionId,
  onClose,
  title,
  consequence,
  confirmName,
  operation,
  label,
}: {
  connectionId: string;
  onClose: () => void;
  title: string;
  consequence: ReactNode;
  /** When set, the person types it to confirm. */
  confirmName?: string;
  operation: Msp360Operation;
  label: string;
}) {
  const operate = useMsp360Operate(connectionId);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  async function go() {
    setProblem(null);
    try {
      const result = await operate.mutateAsync(operation);
      toast.success(result.message);
      onClose();
    } catch (error) {
      setProblem(problemOf(error));
    }
  }
  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} title={title}>
      <div className="grid gap-4">
        <div className="text-sm text-muted-foreground">{consequence}</div>
        {confirmName ? (
          <div className="grid gap-2">
            <Label htmlFor="confirm-operation-name">
              Type <span className="font-mono text-foreground">{confirmName}</span> to confirm
            </Label>
            <Input id="confirm-operation-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
        ) : null}
        <FormError message={problem} />
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" disabled={operate.isPending || (confirmName !== undefined && typed.trim() !== confirmName)} onClick={() => void go()}>
            {operate.isPending ? "Sending to MSP360…" : label}
          </Button>
        </DialogFooter>
      </div>
    </FormDialog>
  );
}

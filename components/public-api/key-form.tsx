"use client";
// Add New Key and Edit key: name, type, description, and beyond MSPbots a customer scope, an expiry date and an
// IP allow-list. The form's fields are text; the schema turns them into the API's body.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, fieldClasses } from "@/components/ui/input";
import { ApiError } from "@/lib/api/client";
import { useCustomers } from "@/lib/queries/customers";
import { ipOrRangeSchema, type KeyDto } from "@/lib/schemas/public-api";
import { cn } from "@/lib/utils";
import { FormFooter } from "@/components/common/form-footer";

const lines = (text: string) => text.split(/[\s,]+/).map((l) => l.trim()).filter(Boolean);

const keyFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100),
  type: z.literal("custom"),
  description: z.string().trim().max(500),
  customerId: z.string(),
  expiresOn: z.union([z.literal(""), z.iso.date("Enter a date.")]),
  allowedIps: z.string().superRefine((text, ctx) => {
    const bad = lines(text).find((line) => !ipOrRangeSchema.safeParse(line).success);
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad}" is not an IPv4/IPv6 address or a range such as 203.0.113.0/24.` });
    if (lines(text).length > 50) ctx.addIssue({ code: "custom", message: "At most 50 entries." });
  }),
});
type KeyFormValues = z.infer<typeof keyFormSchema>;

/** The API body: an expiry date means "until the end of that day (UTC)". */
export function keyFormBody(values: KeyFormValues) {
  return {
    name: values.name,
    description: values.description,
    customerId: values.customerId || null,
    expiresAt: values.expiresOn ? `${values.expiresOn}T23:59:59.999Z` : null,
    allowedIps: lines(values.allowedIps),
  };
}

const FIELD_FOR_PATH: Record<string, keyof KeyFormValues> = { expiresAt: "expiresOn" };

export function KeyForm({
  existing,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  existing?: KeyDto;
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof keyFormBody> & { type?: "custom" }) => Promise<void>;
  onCancel: () => void;
}) {
  const customers = useCustomers();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<KeyFormValues>({
    resolver: zodResolver(keyFormSchema),
    defaultValues: {
      name: existing?.name ?? "",
      type: "custom",
      description: existing?.description ?? "",
      customerId: existing?.customer?.id ?? "",
      expiresOn: existing?.expiresAt?.slice(0, 10) ?? "",
      allowedIps: existing?.allowedIps.join("\n") ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: KeyFormValues) {
    setFormError(null);
    try {
      await onSubmit({ ...keyFormBody(values), ...(existing ? {} : { type: "custom" as const }) });
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
      for (const [path, message] of fields) form.setError(FIELD_FOR_PATH[path.split(".")[0]!] ?? (path.split(".")[0] as keyof KeyFormValues), { message });
      if (fields.length === 0) setFormError(error instanceof Error ? error.message : "The server could not be reached.");
    }
  }

  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(submit)} noValidate>
      <FormError message={formError} />
      <FormField id="key-name" label="Name" error={errors.name?.message}>
        <Input id="key-name" aria-invalid={!!errors.name} autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField id="key-type" label="Type">
        <NativeSelect id="key-type" disabled={!!existing} {...form.register("type")}>
          <option value="custom">Custom</option>
        </NativeSelect>
      </FormField>
      <FormField id="key-description" label="Description" error={errors.description?.message}>
        <textarea id="key-description" rows={2} className={cn(fieldClasses, "h-auto py-2")} {...form.register("description")} />
      </FormField>
      <FormField id="key-customer" label="Customer scope" hint="A scoped key reads only that customer's rows, in every dataset and widget.">
        <NativeSelect id="key-customer" {...form.register("customerId")}>
          <option value="">All customers</option>
          {customers.data?.items.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField id="key-expires" label="Expires after" hint="Optional; the key stops working after this day (UTC)." error={errors.expiresOn?.message}>
          <Input id="key-expires" type="date" aria-invalid={!!errors.expiresOn} {...form.register("expiresOn")} />
        </FormField>
        <FormField id="key-ips" label="Allowed addresses" hint="Optional; one address or range per line. Empty: any address." error={errors.allowedIps?.message}>
          <textarea
            id="key-ips"
            rows={2}
            placeholder={"203.0.113.0/24\n2001:db8::1"}
            aria-invalid={!!errors.allowedIps}
            className={cn(fieldClasses, "h-auto py-2 font-mono text-xs")}
            {...form.register("allowedIps")}
          />
        </FormField>
      </div>
      <FormFooter onCancel={onCancel} pending={isSubmitting} label={submitLabel} />
    </form>
  );
}

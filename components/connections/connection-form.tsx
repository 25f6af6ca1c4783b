"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { ApiError } from "@/lib/api/client";
import { useSaveConnection } from "@/lib/queries/connections";
import type { ConnectionDto } from "@/lib/schemas/connections";
import { RACKSPACE_REGIONS, VENDORS, VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { FormFooter } from "@/components/common/form-footer";

interface FormValues {
  vendor: Vendor;
  name: string;
  username: string;
  secret: string;
  baseUrl: string;
  region: string;
  syncIntervalMinutes: number;
  unverifiedCalls: boolean;
}

/** The URL requests would go to for what the field holds: the vendor's default when it is empty. */
function effectiveUrl(value: string, vendor: Vendor): string {
  return value.trim().replace(/\/+$/, "") || VENDOR_INFO[vendor].defaultBaseUrl;
}

/**
 * Adds a connection, or edits one. On edit the secret field starts empty and is only sent when filled in:
 * the stored secret is never sent to the browser, only replaced. A stored secret is bound to its URL, so a
 * changed URL needs the secret again (the server refuses it otherwise).
 */
export function ConnectionForm({ connection, onDone }: { connection?: ConnectionDto; onDone: () => void }) {
  const save = useSaveConnection();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    defaultValues: {
      vendor: connection?.vendor ?? "msp360",
      name: connection?.name ?? "",
      username: connection?.username ?? "",
      secret: "",
      baseUrl: connection?.baseUrl ?? "",
      region: connection?.region ?? "",
      syncIntervalMinutes: connection?.syncIntervalMinutes ?? 5,
      unverifiedCalls: connection?.unverifiedCalls ?? false,
    },
  });
  const vendor = useWatch({ control: form.control, name: "vendor" });
  const baseUrl = useWatch({ control: form.control, name: "baseUrl" });
  const info = VENDOR_INFO[vendor];
  const urlChanged = !!connection && effectiveUrl(baseUrl, vendor) !== connection.effectiveBaseUrl;
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: FormValues) {
    setFormError(null);
    if (urlChanged && !values.secret) {
      form.setError("secret", { message: `The URL changed: enter the ${info.secretLabel} again.` });
      return;
    }
    const body: Record<string, unknown> = { name: values.name, username: values.username, baseUrl: values.baseUrl };
    if (!connection) body.vendor = values.vendor;
    if (!connection || values.secret) body.secret = values.secret;
    if (values.vendor === "rackspace") body.region = values.region;
    if (connection) body.syncIntervalMinutes = Number(values.syncIntervalMinutes);
    if (connection && values.vendor === "msp360") body.unverifiedCalls = values.unverifiedCalls;
    try {
      await save.mutateAsync({ id: connection?.id, body });
      toast.success(connection ? "Connection saved" : "Connection added", { description: values.name });
      onDone();
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = Object.entries(error.fieldErrors());
        for (const [field, message] of fields) form.setError(field as keyof FormValues, { message });
        // Field messages already say what is wrong; the banner is for errors that belong to no field.
        if (fields.length === 0) setFormError(error.message);
      } else setFormError("The server could not be reached.");
    }
  }

  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <FormError message={formError} />
      <FormField id="vendor" label="Vendor" hint={info.credentialsHelp}>
        <NativeSelect id="vendor" disabled={!!connection} {...form.register("vendor")}>
          {VENDORS.map((v) => (
            <option key={v} value={v}>
              {VENDOR_INFO[v].label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="name" label="Display name" error={errors.name?.message}>
        <Input id="name" placeholder="e.g. MSP360 – main account" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField id="username" label={info.usernameLabel} error={errors.username?.message}>
        <Input id="username" autoComplete="off" aria-invalid={!!errors.username} {...form.register("username")} />
      </FormField>
      <FormField
        id="secret"
        label={info.secretLabel}
        error={errors.secret?.message}
        hint={
          urlChanged ? (
            <span className="font-medium text-warning-text">
              The URL changed, so enter it again: a stored secret is only ever sent to the URL it was saved for.
            </span>
          ) : connection
              ? "Stored encrypted. Leave empty to keep it; type a new one to replace it."
              : "Stored encrypted; it is never shown again."
        }
      >
        <Input
          id="secret"
          type="password"
          autoComplete="new-password"
          placeholder={connection && !urlChanged ? "•••••••• (set)" : undefined}
          aria-required={!connection || urlChanged}
          aria-invalid={!!errors.secret}
          {...form.register("secret")}
        />
      </FormField>
      <FormField id="baseUrl" label={`${info.baseUrlLabel} (optional)`} error={errors.baseUrl?.message} hint={`Default: ${info.defaultBaseUrl}`}>
        <Input id="baseUrl" type="url" placeholder={info.defaultBaseUrl} aria-invalid={!!errors.baseUrl} {...form.register("baseUrl")} />
      </FormField>
      {vendor === "rackspace" ? (
        <FormField id="region" label="Region (optional)" error={errors.region?.message} hint="Only this region's agents are shown. Empty: all regions.">
          <NativeSelect id="region" {...form.register("region")}>
            <option value="">All regions</option>
            {RACKSPACE_REGIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      ) : null}
      {connection ? (
        <FormField id="syncIntervalMinutes" label="Sync every (minutes)" error={errors.syncIntervalMinutes?.message} hint="How often the app pulls this account. “Sync now” is always possible.">
          <Input id="syncIntervalMinutes" type="number" min={1} max={1440} aria-invalid={!!errors.syncIntervalMinutes} {...form.register("syncIntervalMinutes")} />
        </FormField>
      ) : null}
      {connection && vendor === "msp360" ? (
        <FormField
          id="unverifiedCalls"
          label="Unverified vendor call: plan start and stop"
          hint="MSP360's documented API cannot start or stop a backup plan. Some MSP360 servers accept an undocumented call for it; allow the app to try it for this connection. When MSP360 refuses it, technicians see MSP360's answer."
        >
          <label className="flex items-center gap-2 text-sm">
            <input id="unverifiedCalls" type="checkbox" className="size-4 accent-primary" {...form.register("unverifiedCalls")} />
            Allow start and stop through the unverified call
          </label>
        </FormField>
      ) : null}
      <FormFooter onCancel={onDone} pending={isSubmitting} label={isSubmitting ? "Saving…" : connection ? "Save" : "Add connection"} />
    </form>
  );
}

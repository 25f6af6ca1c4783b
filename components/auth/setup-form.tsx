"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError, callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { setupInputSchema, type SetupInput } from "@/lib/schemas/users";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [withDemo, setWithDemo] = useState(true);
  const form = useForm<SetupInput>({ resolver: zodResolver(setupInputSchema), defaultValues: { email: "", name: "", password: "" } });

  async function onSubmit(values: SetupInput) {
    setError(null);
    try {
      await callApi(API.setup, { body: values });
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.entries(e.fieldErrors());
        for (const [field, message] of fields) form.setError(field as keyof SetupInput, { message });
        if (fields.length === 0) setError(e.message);
      } else setError("The server could not be reached.");
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result?.error && withDemo) {
      await callApi(API.installDemo).catch(() => {
        // The overview offers the demo again; setup itself succeeded.
      });
    }
    router.replace(result?.error ? "/signin" : "/");
    router.refresh();
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Welcome</CardTitle>
        <CardDescription>Create the first admin account. You can invite technicians and viewers afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <FormError message={error} />
          <FormField id="name" label="Your name" error={errors.name?.message}>
            <Input id="name" autoComplete="name" autoFocus aria-invalid={!!errors.name} {...form.register("name")} />
          </FormField>
          <FormField id="email" label="Email" error={errors.email?.message}>
            <Input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register("email")} />
          </FormField>
          <FormField id="password" label="Password" hint="At least 12 characters." error={errors.password?.message}>
            <Input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
          </FormField>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-primary" checked={withDemo} onChange={(e) => setWithDemo(e.target.checked)} />
            <span>
              Explore with demo data
              <span className="block text-xs text-muted-foreground">Connects two simulated vendor accounts. Remove them in one click later.</span>
            </span>
          </label>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create admin and sign in"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

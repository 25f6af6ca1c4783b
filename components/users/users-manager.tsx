"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { KeyRoundIcon, PlusIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { ApiError } from "@/lib/api/client";
import { useSaveUser, useUsers } from "@/lib/queries/users";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/schemas/roles";
import { createUserInputSchema, type CreateUserInput, type UserDto } from "@/lib/schemas/users";
import { passwordSchema } from "@/lib/schemas/password";
import { z } from "zod";
import { FormFooter } from "@/components/common/form-footer";

function useApiErrorToast() {
  return (title: string, error: unknown) => toast.error(title, { description: error instanceof Error ? error.message : undefined });
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const save = useSaveUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { email: "", name: "", role: "technician", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: CreateUserInput) {
    setFormError(null);
    try {
      await save.mutateAsync({ body: values });
      toast.success("User created", { description: `${values.email} can sign in now.` });
      onDone();
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
      for (const [field, message] of fields) form.setError(field as keyof CreateUserInput, { message });
      if (fields.length === 0) setFormError(error instanceof Error ? error.message : "The server could not be reached.");
    }
  }

  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <FormError message={formError} />
      <FormField id="user-name" label="Name" error={errors.name?.message}>
        <Input id="user-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField id="user-email" label="Email" error={errors.email?.message}>
        <Input id="user-email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <FormField id="user-role" label="Role" hint="Admin: everything · Technician: runs backups and restores · Viewer: read-only (wall displays).">
        <NativeSelect id="user-role" {...form.register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="user-password" label="Initial password" hint="At least 12 characters. Share it safely." error={errors.password?.message}>
        <Input id="user-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </FormField>
      <FormFooter onCancel={onDone} pending={isSubmitting} label="Create user" />
    </form>
  );
}

const resetSchema = z.object({ password: passwordSchema });

function ResetPasswordForm({ user, onDone }: { user: UserDto; onDone: () => void }) {
  const save = useSaveUser();
  const form = useForm<{ password: string }>({ resolver: zodResolver(resetSchema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;
  async function onSubmit(values: { password: string }) {
    try {
      await save.mutateAsync({ id: user.id, body: values });
      toast.success("Password reset", { description: `${user.email} was signed out everywhere.` });
      onDone();
    } catch (error) {
      form.setError("password", { message: error instanceof Error ? error.message : "Could not reset the password." });
    }
  }
  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <FormField id="reset-password" label="New password" hint="At least 12 characters." error={errors.password?.message}>
        <Input id="reset-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </FormField>
      <FormFooter onCancel={onDone} pending={isSubmitting} label="Reset password" />
    </form>
  );
}

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const save = useSaveUser();
  const showError = useApiErrorToast();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserDto | null>(null);

  async function change(user: UserDto, body: { role?: Role; disabled?: boolean }, message: string) {
    try {
      await save.mutateAsync({ id: user.id, body });
      toast.success(message);
    } catch (error) {
      showError("Could not change the user", error);
    }
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex justify-end">
        <Button onClick={() => setAdding(true)}>
          <PlusIcon aria-hidden />
          Add user
        </Button>
      </div>
      {users.isPending ? (
        <LoadingRows />
      ) : users.isError ? (
        <LoadError error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <Card>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Last sign-in</TableHead>
                <TableHead>Active</TableHead>
                <TableHead className="text-right">Password</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.map((user) => (
                <TableRow key={user.id} className={user.disabled ? "opacity-60" : undefined}>
                  <TableCell className="font-medium">
                    {user.name}
                    {user.id === currentUserId ? (
                      <Badge variant="secondary" className="ml-2">
                        You
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>
                    <NativeSelect
                      aria-label={`Role of ${user.email}`}
                      className="h-8 w-36"
                      value={user.role}
                      onChange={(e) => change(user, { role: e.target.value as Role }, `${user.email} is now ${ROLE_LABELS[e.target.value as Role]}`)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </NativeSelect>
                  </TableCell>
                  <TableCell>
                    <RelativeTime value={user.lastSignInAt} />
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={!user.disabled}
                      disabled={user.id === currentUserId}
                      onCheckedChange={(active) => change(user, { disabled: !active }, `${user.email} ${active ? "enabled" : "disabled"}`)}
                      aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
                    />
                  </TableCell>
                  <TableCell className="text-right">
                    <Button variant="outline" size="sm" onClick={() => setResetting(user)}>
                      <KeyRoundIcon aria-hidden />
                      Reset
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}

      <Dialog open={adding} onOpenChange={setAdding}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Add a user</DialogTitle>
            <DialogDescription>They sign in with this email and password.</DialogDescription>
          </DialogHeader>
          {adding ? <AddUserForm onDone={() => setAdding(false)} /> : null}
        </DialogContent>
      </Dialog>

      <Dialog open={resetting !== null} onOpenChange={(open) => !open && setResetting(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Reset the password of {resetting?.email}</DialogTitle>
            <DialogDescription>Their open sessions end; they sign in again with the new password.</DialogDescription>
          </DialogHeader>
          {resetting ? <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

import { z } from "zod";
import { passwordSchema } from "./password";
import { roleSchema } from "./roles";

const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(200));
const name = z.string().trim().min(1, "Enter a name.").max(100);

export const setupInputSchema = z.object({ email, name, password: passwordSchema });
export type SetupInput = z.infer<typeof setupInputSchema>;

export const createUserInputSchema = z.object({ email, name, role: roleSchema, password: passwordSchema });
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({ name, role: roleSchema, disabled: z.boolean(), password: passwordSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const signInInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(200),
  password: z.string().min(1).max(200),
});

/** What the API returns for a user: never the password hash. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

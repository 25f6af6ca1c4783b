"use client";
// Who is signed in, for what the browser shows: a viewer sees no action buttons. The server checks the role
// on every route anyway; this only keeps the page from offering what would be refused.
import { createContext, useContext, type ReactNode } from "react";
import { hasRole, type Role } from "@/lib/schemas/roles";

export interface CurrentUser {
  name: string;
  email: string;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser | null {
  return useContext(CurrentUserContext);
}

/** Whether the signed-in user has at least `role`. */
export function useCan(role: Role): boolean {
  const user = useCurrentUser();
  return user !== null && hasRole(user.role, role);
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sessionUserFromHeaders } from "@/lib/auth/session";
import { needsSetup } from "@/lib/services/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await needsSetup()) redirect("/setup");
  if (await sessionUserFromHeaders(await headers())) redirect("/");
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}

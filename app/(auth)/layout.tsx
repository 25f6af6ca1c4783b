import type { ReactNode } from "react";
import { DatabaseBackupIcon } from "lucide-react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 p-6">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <DatabaseBackupIcon className="size-6 text-primary" aria-hidden />
        Backup Console
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}

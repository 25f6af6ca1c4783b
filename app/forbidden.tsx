import Link from "next/link";
import { ShieldXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState
        icon={ShieldXIcon}
        title="You don't have access to this page"
        description="Your role does not allow this. Ask an admin if you need it."
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to the overview</Link>
          </Button>
        }
      />
    </main>
  );
}

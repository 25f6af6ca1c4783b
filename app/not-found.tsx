import Link from "next/link";
import { SearchXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <EmptyState
        icon={SearchXIcon}
        title="Page not found"
        description="The link may be old, or the item was removed."
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to the overview</Link>
          </Button>
        }
      />
    </main>
  );
}

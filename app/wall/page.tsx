import type { Metadata } from "next";
import Link from "next/link";
import { MonitorIcon } from "lucide-react";

export const metadata: Metadata = { title: "Wall display" };

// Where the old `/monitoring?kiosk=1` leads: the wall now opens through a display link, with no session to expire.
export default function WallIndex() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8 text-center">
      <MonitorIcon className="size-12 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-bold">The wall display opens with a display link</h1>
      <p className="max-w-xl text-muted-foreground">
        A display link shows the wall on a screen without anyone signed in, does not expire overnight and recovers on its own after restarts. An admin creates one per
        screen, chooses its customers and pages, and can revoke it at any time.
      </p>
      <Link href="/settings/display-links" className="font-semibold text-primary underline underline-offset-4">
        Settings → Display links
      </Link>
    </main>
  );
}

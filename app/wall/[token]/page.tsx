import type { Metadata } from "next";
import { WallDisplay } from "@/components/wall/wall-display";

export const metadata: Metadata = { title: "Wall display", robots: { index: false, follow: false } };

/** Whole numbers in a range, or nothing (URL overrides for testing and odd screens). */
function bounded(value: string | string[] | undefined, min: number, max: number): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

// No session: the display link in the address is the only key, checked by the wall's data route on each poll.
// ?refreshMs= and ?rotateMs= override the link's intervals on this screen (the benchmark runs a day fast);
// ?theme=light for a bright room.
export default async function WallPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const query = await searchParams;
  return (
    <WallDisplay
      token={token}
      refreshOverrideMs={bounded(query.refreshMs, 200, 300_000)}
      rotateOverrideMs={bounded(query.rotateMs, 1000, 600_000)}
      light={query.theme === "light"}
    />
  );
}

import Link from "next/link";
import { DatabaseIcon, KeyRoundIcon } from "lucide-react";
import { cn } from "@/lib/utils";

const SECTIONS = [
  { key: "keys", href: "/settings/public-api", label: "Keys and access", icon: KeyRoundIcon },
  { key: "library", href: "/settings/public-api/library", label: "Datasets and widgets", icon: DatabaseIcon },
] as const;

/** The two halves of the Public API settings, as tabs that are links (each has its own address). */
export function PublicApiSectionNav({ current }: { current: (typeof SECTIONS)[number]["key"] }) {
  return (
    <nav aria-label="Public API sections" className="mb-6 inline-flex h-9 items-center gap-1 rounded-lg bg-muted p-1 text-muted-foreground">
      {SECTIONS.map((section) => (
        <Link
          key={section.key}
          href={section.href}
          aria-current={section.key === current ? "page" : undefined}
          className={cn(
            "inline-flex h-7 items-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-4",
            section.key === current && "bg-card text-foreground shadow-xs",
          )}
        >
          <section.icon aria-hidden />
          {section.label}
        </Link>
      ))}
    </nav>
  );
}

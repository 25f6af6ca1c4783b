import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="inline-flex w-fit items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring rounded-sm">
      <ArrowLeftIcon className="size-4" aria-hidden />
      {label}
    </Link>
  );
}

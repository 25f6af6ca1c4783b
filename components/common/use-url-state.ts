"use client";
// Filters, sorting and paging live in the URL, so every view is a shareable link and survives a reload.
import { useCallback, useEffect, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export type UrlPatch = Record<string, string | number | boolean | null | undefined>;

export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const get = useCallback((key: string, fallback = "") => searchParams.get(key) ?? fallback, [searchParams]);

  /**
   * Merges `patch` into the URL (empty values remove the key) with router.replace. Any change other than the
   * page itself goes back to page 1, so a narrowed list never shows an empty page 7.
   */
  const set = useCallback(
    (patch: UrlPatch, options: { keepPage?: boolean; push?: boolean } = {}) => {
      // Read the address at call time: two quick updates must not overwrite each other.
      const next = new URLSearchParams(typeof window === "undefined" ? searchParams.toString() : window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "" || value === false) next.delete(key);
        else next.set(key, String(value));
      }
      if (!options.keepPage && !("page" in patch)) next.delete("page");
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      if (options.push) router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const page = Math.max(1, Number.parseInt(get("page", "1"), 10) || 1);
  const pageSize = clampPageSize(Number.parseInt(get("pageSize", "50"), 10));

  return useMemo(() => ({ searchParams, get, set, page, pageSize }), [searchParams, get, set, page, pageSize]);
}

export const PAGE_SIZES = [25, 50, 100] as const;

/** The lists never ask for more than 100 rows at once. */
export function clampPageSize(value: number): number {
  if (!Number.isFinite(value) || value < 1) return 50;
  return Math.min(100, value);
}

/** A comma-separated multi-value parameter ("status=failed,missed"). */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sort key and order from the URL, limited to what the API accepts. */
export function useSortState<K extends string>(url: ReturnType<typeof useUrlState>, allowed: readonly K[], fallback: K, fallbackOrder: "asc" | "desc" = "asc") {
  const raw = url.get("sort");
  const key = (allowed as readonly string[]).includes(raw) ? (raw as K) : fallback;
  const rawOrder = url.get("order");
  const order: "asc" | "desc" = rawOrder === "asc" || rawOrder === "desc" ? rawOrder : key === fallback ? fallbackOrder : "asc";
  return {
    key,
    order,
    onSort: (next: string, nextOrder: "asc" | "desc") =>
      url.set({ sort: next === fallback && nextOrder === fallbackOrder ? null : next, order: next === fallback && nextOrder === fallbackOrder ? null : nextOrder }),
  };
}

/** A page past the end (the list shrank, or an old link) goes back to the last page that has rows. */
export function useClampPage(url: ReturnType<typeof useUrlState>, total: number | undefined) {
  const { page, pageSize, set } = url;
  useEffect(() => {
    if (total === undefined || page === 1) return;
    const last = Math.max(1, Math.ceil(total / pageSize));
    if (page > last) set({ page: last > 1 ? last : null }, { keepPage: true });
  }, [page, pageSize, set, total]);
}

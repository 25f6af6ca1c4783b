"use client";
import { Pagination } from "@/components/ui/pagination";
import type { useUrlState } from "./use-url-state";

/** Paging kept in the URL (`page`, `pageSize`; defaults left out), shown only when there is something to page. */
export function UrlPagination({ url, total, noun, pageSize = url.pageSize }: { url: ReturnType<typeof useUrlState>; total: number | undefined; noun: string; pageSize?: number }) {
  if (!total) return null;
  return (
    <Pagination
      page={url.page}
      pageSize={pageSize}
      total={total}
      noun={noun}
      onPageChange={(page) => url.set({ page: page > 1 ? page : null }, { keepPage: true })}
      onPageSizeChange={(size) => url.set({ pageSize: size === 50 ? null : size })}
    />
  );
}

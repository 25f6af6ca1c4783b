"use client";
// What every list page does with the address bar: its filters, sort and page live in the URL (a filtered view
// is a link to share), the data is loaded with them, a page past the end is clamped, and "Clear" resets filters.
import type { QueryParams } from "@/lib/api/client";
import { useClampPage, useSortState, useUrlState } from "./use-url-state";

interface ListPageOptions<F extends string, S extends string> {
  /** The URL keys that filter the list. */
  filterKeys: readonly F[];
  /** The sorts the API offers, and the default. */
  sorts: readonly S[];
  defaultSort: S;
  defaultOrder?: "asc" | "desc";
  /** Turns the URL's filters into the API's (e.g. a day into a from/to range). */
  toApi?: (filters: Record<F, string>) => QueryParams;
}

export function useListPage<F extends string, S extends string, R extends { data?: { total: number } }>(
  options: ListPageOptions<F, S>,
  load: (params: QueryParams) => R,
) {
  const url = useUrlState();
  const sort = useSortState(url, options.sorts, options.defaultSort, options.defaultOrder);
  const filters = Object.fromEntries(options.filterKeys.map((key) => [key, url.get(key)])) as Record<F, string>;
  const filtered = options.filterKeys.some((key) => filters[key]);
  const query = load({ ...(options.toApi ? options.toApi(filters) : filters), sort: sort.key, order: sort.order, page: url.page, pageSize: url.pageSize });
  useClampPage(url, query.data?.total);
  const clear = () => url.set(Object.fromEntries(options.filterKeys.map((key) => [key, null])));
  return { url, sort, filters, filtered, clear, query };
}

"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { UpdateCustomerInput } from "@/lib/schemas/customers";
import { REFRESH_MS } from "./refresh";

export type { CustomerDto, CustomerSuggestionDto, DismissedSuggestionDto, VendorCustomerDto } from "@/lib/schemas/customers";

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: { vendor?: string; connectionId?: string; q?: string; page?: number; pageSize?: number }) => [...customerKeys.all, "list", params] as const,
  suggestions: () => [...customerKeys.all, "suggestions"] as const,
  dismissed: () => [...customerKeys.all, "suggestions", "dismissed"] as const,
};

/** The MSP's customers for filters and name look-ups (up to 1,000, by name). */
export function useCustomers(params: { vendor?: string; connectionId?: string } = {}) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listCustomers, { query: { ...params, pageSize: 1000 }, signal }),
    staleTime: REFRESH_MS.list,
    refetchInterval: 5 * REFRESH_MS.list,
  });
}

/** A page of customers with their linked vendor customers, for the Customers settings page. */
export function useCustomerPage(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listCustomers, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerSuggestions(enabled = true) {
  return useQuery({ queryKey: customerKeys.suggestions(), queryFn: ({ signal }) => callApi(API.customerSuggestions, { signal }), enabled });
}

/** Every change to customers touches the lists, the filters and the data grouped by them. */
function useCustomerMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries() });
}

export function useUpdateCustomer() {
  return useCustomerMutation(({ id, body }: { id: string; body: UpdateCustomerInput }) => callApi(API.updateCustomer, { params: { id }, body }));
}

export function useLinkCustomers() {
  return useCustomerMutation(({ id, vendorCustomerIds }: { id: string; vendorCustomerIds: string[] }) => callApi(API.linkCustomers, { params: { id }, body: { vendorCustomerIds } }));
}

export function useUnlinkCustomer() {
  return useCustomerMutation(({ id, vendorCustomerId }: { id: string; vendorCustomerId: string }) => callApi(API.unlinkCustomer, { params: { id, vendorCustomerId } }));
}

/** Suggestions an admin dismissed, to look back at or undo. */
export function useDismissedSuggestions(enabled = true) {
  return useQuery({ queryKey: customerKeys.dismissed(), queryFn: ({ signal }) => callApi(API.dismissedSuggestions, { signal }), enabled });
}

/** Dismissing or restoring a suggestion changes only the suggestions. */
function useSuggestionMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.suggestions() }) });
}

export function useDismissSuggestion() {
  return useSuggestionMutation((customerIds: [string, string]) => callApi(API.dismissSuggestion, { body: { customerIds } }));
}

export function useRestoreSuggestion() {
  return useSuggestionMutation((id: string) => callApi(API.restoreSuggestion, { params: { id } }));
}

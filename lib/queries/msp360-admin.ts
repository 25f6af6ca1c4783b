"use client";
// MSP360 administration from the browser: each list read live from MSP360 (the server keeps it 30 s), each change
// sent once, then the lists it touches read again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { Msp360ListSchemas, Msp360Operation, Msp360Resource } from "@/lib/schemas/msp360-admin";
import type { z } from "zod";
import { endpointKeys } from "./endpoints";

export type {
  Msp360AccountDto,
  Msp360AdministratorDto,
  Msp360BuildDto,
  Msp360CompanyDto,
  Msp360LicenseDto,
  Msp360Operation,
  Msp360PackageDto,
  Msp360Resource,
  Msp360UserDto,
} from "@/lib/schemas/msp360-admin";

export const msp360Keys = {
  all: ["msp360-admin"] as const,
  list: (connectionId: string, resource: Msp360Resource) => [...msp360Keys.all, connectionId, resource] as const,
};

export function useMsp360List<R extends Msp360Resource>(connectionId: string, resource: R, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: msp360Keys.list(connectionId, resource),
    queryFn: async ({ signal }) => {
      const answer = await callApi(API.msp360List, { params: { connectionId, resource }, signal });
      return { ...answer, items: answer.items as z.infer<Msp360ListSchemas[R]> };
    },
    staleTime: 30_000,
    enabled: options.enabled,
    retry: false,
  });
}

/** One change in MSP360; the vendor's refusal comes back as an ApiError (409) with MSP360's words. */
export function useMsp360Operate(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operation: Msp360Operation) => callApi(API.msp360Operate, { params: { connectionId }, body: operation }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...msp360Keys.all, connectionId] });
      void queryClient.invalidateQueries({ queryKey: endpointKeys.all });
    },
  });
}

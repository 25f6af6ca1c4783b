// Which customers' rows an API key may read. The one place that decides it: a key is scoped to one customer of the
// MSP, and reads the rows of every vendor customer (MSP360 company, Rackspace account) linked to it.
import "server-only";
import { vendorCustomerIdsOf } from "./customer-groups";

/** The vendor Customer ids the key may read, or null for every customer. An empty list reads nothing. */
export async function keyCustomerScope(key: { customerId: string | null }): Promise<string[] | null> {
  return key.customerId ? vendorCustomerIdsOf(key.customerId) : null;
}

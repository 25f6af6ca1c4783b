// Which customers' rows an API key may read. The one place that decides it: today a key is scoped to one Customer
// row (a vendor's company or account); when vendor customers are linked into one MSP customer, this returns that
// customer's linked ids and every query follows.
import "server-only";

/** The Customer ids the key may read, or null for every customer. An empty list reads nothing. */
export async function keyCustomerScope(key: { customerId: string | null }): Promise<string[] | null> {
  return key.customerId ? [key.customerId] : null;
}

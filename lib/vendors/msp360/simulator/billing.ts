// Monthly usage reports. Storage comes from the plans' growth curves, so a bill for an older month is smaller
// than today's; restores are drawn per (user, month). Prices are the simulator's own, in USD.
import type { Msp360Billing, Msp360BillingDetails, Msp360BillingStatistic } from "../schemas";
import { randomFor } from "@/lib/simulator-kit/hash";
import type { User } from "./model";
import { uploadedBytesBetween } from "./runs";
import type { FleetSnapshot } from "./snapshot";
import { monthOf } from "./time";

const GB = 1024 ** 3;
const STORAGE_PRICE_PER_GB_MONTH = 0.0059;
const RESTORE_PRICE_PER_GB = 0.01;

type Month = ReturnType<typeof monthOf>;

const money = (value: number) => Math.round(value * 100) / 100;

/** Restored bytes for a user in a month: most months none, some a few GB. */
function restoredBytes(view: FleetSnapshot, user: User, month: Month): number {
  const random = randomFor(view.ctx.seed, user.key, month.index, 5);
  if (!random.chance(0.15)) return 0;
  const wanted = Math.round(Math.exp(Math.log(0.5 * GB) + random.next() * Math.log(400)));
  return Math.min(wanted, view.spaceUsed(user.id, Math.min(month.end, view.now)));
}

/** The part of the month that has happened (and that the user existed for), or null. */
function elapsedPart(view: FleetSnapshot, user: User, month: Month): { from: number; to: number } | null {
  const from = Math.max(month.start, user.createdAt);
  const to = Math.min(month.end, view.now);
  return to > from ? { from, to } : null;
}

function statisticFor(view: FleetSnapshot, user: User, month: Month): Msp360BillingStatistic | null {
  const part = elapsedPart(view, user, month);
  if (!part) return null;
  const middle = (part.from + part.to) / 2;
  const averageSpace = Math.round(
    (view.spaceUsed(user.id, part.from) + view.spaceUsed(user.id, middle) + view.spaceUsed(user.id, part.to)) / 3,
  );
  const restore = restoredBytes(view, user, month);
  const planCost = user.destinations.reduce((sum, d) => sum + (view.data.packages.get(d.packageId)?.cost ?? 0), 0);
  const storageCost = (averageSpace / GB) * STORAGE_PRICE_PER_GB_MONTH;
  const restoreCost = (restore / GB) * RESTORE_PRICE_PER_GB;
  return {
    UserId: user.id,
    Email: user.email,
    FirstName: user.firstName,
    LastName: user.lastName,
    CompanyName: view.companyOfUser(user)?.name ?? null,
    AverageSpace: averageSpace,
    TotalVolumeRestore: restore,
    PlanCost: money(planCost),
    StorageCost: money(storageCost),
    RestoreCost: money(restoreCost),
    TotalCost: money(planCost + storageCost + restoreCost),
    LicensesUsed: view.licensesHeldBy(user.id),
  };
}

export function billingReport(view: FleetSnapshot, at: number, companyName: string | null): Msp360Billing {
  const month = monthOf(at);
  const wanted = companyName?.toLowerCase() ?? null;
  const statistics: Msp360BillingStatistic[] = [];
  let current = 0;
  for (const user of view.data.users.values()) {
    if (wanted !== null && view.companyOfUser(user)?.name.toLowerCase() !== wanted) continue;
    const statistic = statisticFor(view, user, month);
    if (!statistic) continue;
    statistics.push(statistic);
    current += view.spaceUsed(user.id, Math.min(month.end, view.now));
  }
  return {
    CurrentSpaceUsed: current,
    AverageSpaceUsed: statistics.reduce((sum, s) => sum + s.AverageSpace, 0),
    TotalRestore: statistics.reduce((sum, s) => sum + s.TotalVolumeRestore, 0),
    StatisticBilling: statistics,
  };
}

export function billingDetails(view: FleetSnapshot, user: User, at: number): Msp360BillingDetails {
  const month = monthOf(at);
  const part = elapsedPart(view, user, month);
  const prefix = `MBS-${user.id}`;
  const destinationOf = (destinationId: string | null) => {
    const destination = user.destinations.find((d) => d.id === destinationId) ?? user.destinations[0];
    const account = destination ? view.data.accounts.get(destination.accountId) : undefined;
    const bucket = account?.destinations.find((d) => d.id === destination?.accountDestinationId);
    return {
      AccountID: account?.id ?? null,
      Destination: account && bucket ? `${account.displayName} (${bucket.bucket})` : null,
    };
  };
  const details: Msp360BillingDetails["UserDetailList"] = part
    ? view.computersOf(user.id).map((computer) => ({
        Computer: computer.name,
        SizeBackup: computer.plans.reduce(
          (sum, plan) => sum + uploadedBytesBetween(view.ctx, computer, plan, part.from, part.to),
          0,
        ),
        SizeRestore: 0,
        Prefix: prefix,
        ...destinationOf(computer.userDestinationId),
      }))
    : [];
  const restore = part ? restoredBytes(view, user, month) : 0;
  if (restore > 0) {
    details.push({ Computer: null, SizeBackup: 0, SizeRestore: restore, Prefix: prefix, ...destinationOf(null) });
  }
  return {
    TotalBackupBytes: details.reduce((sum, d) => sum + d.SizeBackup, 0),
    TotalRestoreBytes: restore,
    UserID: user.id,
    UserDetailList: details,
  };
}

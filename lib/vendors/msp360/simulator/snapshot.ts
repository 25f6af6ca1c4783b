// One request's read of a provider's world at time `now`, with the indexes list answers need built once
// (computers per user, licenses per computer, plan states) instead of once per item.
import type { Company, Computer, License, Plan, ProviderData, User, WorldContext } from "./model";
import { planState, storedBytesAt, type PlanState } from "./runs";

export class FleetSnapshot {
  private computersByUserIndex?: Map<string, Computer[]>;
  private licenseByComputerIndex?: Map<string, License>;
  private licenseCountByUser?: Map<string, number>;
  private readonly states = new Map<Plan, PlanState>();

  constructor(
    readonly ctx: WorldContext,
    readonly data: ProviderData,
    readonly now: number,
  ) {}

  user(id: string | null | undefined): User | undefined {
    return id ? this.data.users.get(id.toLowerCase()) : undefined;
  }

  company(id: string | null | undefined): Company | undefined {
    return id ? this.data.companies.get(id.toLowerCase()) : undefined;
  }

  companyOfUser(user: User | undefined): Company | undefined {
    return this.company(user?.companyId);
  }

  computersOf(userId: string): Computer[] {
    if (!this.computersByUserIndex) {
      const index = new Map<string, Computer[]>();
      for (const computer of this.data.computers) {
        if (!computer.userId) continue;
        const list = index.get(computer.userId);
        if (list) list.push(computer);
        else index.set(computer.userId, [computer]);
      }
      this.computersByUserIndex = index;
    }
    return this.computersByUserIndex.get(userId.toLowerCase()) ?? [];
  }

  licenseOf(computer: Computer): License | undefined {
    if (!this.licenseByComputerIndex) {
      const index = new Map<string, License>();
      for (const license of this.data.licenses.values()) {
        if (license.computerHid) index.set(license.computerHid, license);
      }
      this.licenseByComputerIndex = index;
    }
    return this.licenseByComputerIndex.get(computer.hid);
  }

  licensesHeldBy(userId: string): number {
    if (!this.licenseCountByUser) {
      const counts = new Map<string, number>();
      for (const license of this.data.licenses.values()) {
        if (license.userId) counts.set(license.userId, (counts.get(license.userId) ?? 0) + 1);
      }
      this.licenseCountByUser = counts;
    }
    return this.licenseCountByUser.get(userId) ?? 0;
  }

  isOnline(computer: Computer): boolean {
    return computer.offlineSince === null || computer.offlineSince > this.now;
  }

  planState(computer: Computer, plan: Plan): PlanState {
    let state = this.states.get(plan);
    if (!state) {
      state = planState(this.ctx, computer, plan, this.now);
      this.states.set(plan, state);
    }
    return state;
  }

  storedBytes(computer: Computer, at = this.now): number {
    return computer.plans.reduce((sum, plan) => sum + storedBytesAt(this.ctx, computer, plan, at), 0);
  }

  /** Bytes stored on one of a user's destinations: the computers that back up to it. */
  destinationVolume(userId: string, destinationId: string, at = this.now): number {
    return this.computersOf(userId)
      .filter((computer) => computer.userDestinationId === destinationId)
      .reduce((sum, computer) => sum + this.storedBytes(computer, at), 0);
  }

  spaceUsed(userId: string, at = this.now): number {
    return this.computersOf(userId).reduce((sum, computer) => sum + this.storedBytes(computer, at), 0);
  }
}

// Monitoring: the latest run of every plan. The per-user form lists online endpoints only (seed wording).
import { route } from "@/lib/simulator-kit/routing";
import type { Msp360Monitoring } from "../../schemas";
import { json } from "../http";
import type { Computer } from "../model";
import type { FleetSnapshot } from "../snapshot";
import { monitoringView } from "../views";
import type { ApiRoute } from "../world";

/** Plans of computers that report to a user; unauthorized endpoints report nothing. */
function reportsOf(view: FleetSnapshot, computers: readonly Computer[]): Msp360Monitoring[] {
  const items: Msp360Monitoring[] = [];
  for (const computer of computers) {
    const user = view.user(computer.userId);
    if (!user || computer.lostAuth) continue;
    for (const plan of computer.plans) items.push(monitoringView(view, computer, plan, user));
  }
  return items;
}

export const monitoringRoutes: ApiRoute[] = [
  route("GET", "api/Monitoring", ({ view }) => json(reportsOf(view, view.data.computers))),
  route("GET", "api/Monitoring/{userId}", ({ params, view }) => {
    const user = view.user(params.userId);
    if (!user) return json(null);
    return json(reportsOf(view, view.computersOf(user.id).filter((computer) => view.isOnline(computer))));
  }),
];

import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { demoStatus, installDemoAndSync, removeDemo } from "@/lib/demo/install";

// GET /api/v1/demo – whether the demo data is installed, and its connections
export const GET = apiRoute(API.demoStatus, () => demoStatus());

// POST /api/v1/demo – install the demo (two connections to the in-app vendor simulators) and sync it at once
export const POST = apiRoute(API.installDemo, ({ actor }) => installDemoAndSync(actor));

// DELETE /api/v1/demo – remove the demo connections and the simulated vendors
export const DELETE = apiRoute(API.removeDemo, ({ actor }) => removeDemo(actor));

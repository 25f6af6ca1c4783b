import { apiRoute } from "@/lib/api/route";
import { demoStatus, installDemoAndSync, removeDemo } from "@/lib/demo/install";

// GET /api/v1/demo – whether the demo data is installed, and its connections
export const GET = apiRoute({ role: "viewer" }, () => demoStatus());

// POST /api/v1/demo – install the demo (two connections to the in-app vendor simulators) and sync it at once
export const POST = apiRoute({ role: "admin" }, async ({ actor }) => Response.json(await installDemoAndSync(actor), { status: 201 }));

// DELETE /api/v1/demo – remove the demo connections and the simulated vendors
export const DELETE = apiRoute({ role: "admin" }, ({ actor }) => removeDemo(actor));

// Every route of the app's JSON API, in one place: method, path, the least role, and the zod schemas of its path
// parameters, query, body and answer. The route handlers are built from these definitions (lib/api/route.ts),
// the OpenAPI document is generated from them (lib/api/openapi.ts), and the browser calls them through them
// (lib/api/client.ts): the three cannot disagree, and a test checks that every route file is here.
// This module is shared by server and browser: schemas only, no server code.
import { z } from "zod";
import {
  actionListQuerySchema,
  actionPageSchema,
  actionSchema,
  backupPlanReadSchema,
  capabilitiesQuerySchema,
  capabilitiesSchema,
  createActionInputSchema,
  restorePointsSchema,
} from "@/lib/schemas/actions";
import { auditPageSchema, auditQuerySchema } from "@/lib/schemas/audit";
import { bulkRunSchema, bulkTargetsQuerySchema, bulkTargetsSchema, createBulkRunSchema } from "@/lib/schemas/bulk-actions";
import { configurationDetailSchema, configurationListQuerySchema, configurationPageSchema, configurationReportSchema } from "@/lib/schemas/configurations";
import { connectionSchema, createConnectionInputSchema, updateConnectionInputSchema } from "@/lib/schemas/connections";
import {
  customerListQuerySchema,
  customerPageSchema,
  customerSchema,
  customerSuggestionSchema,
  dismissedSuggestionSchema,
  dismissSuggestionInputSchema,
  linkCustomersInputSchema,
  unlinkParams,
  updateCustomerInputSchema,
} from "@/lib/schemas/customers";
import { endpointDetailSchema, endpointListQuerySchema, endpointPageSchema } from "@/lib/schemas/endpoints";
import { createDisplayLinkInputSchema, createdDisplayLinkSchema, displayLinkSchema, updateDisplayLinkInputSchema } from "@/lib/schemas/display-links";
import { idParams } from "@/lib/schemas/listing";
import { createMaintenanceInputSchema, maintenanceListQuerySchema, maintenanceWindowSchema } from "@/lib/schemas/maintenance";
import { monitoringQuerySchema, monitoringSchema } from "@/lib/schemas/monitoring";
import { overviewSchema } from "@/lib/schemas/overview";
import { msp360ListSchema, msp360OperationResultSchema, msp360OperationSchema, msp360ResourceSchema } from "@/lib/schemas/msp360-admin";
import {
  addBindingsInputSchema,
  bindingParamsSchema,
  bindingSchema,
  createdKeySchema,
  createKeyInputSchema,
  createResourceInputSchema,
  keySchema,
  previewQuerySchema,
  publicPageSchema,
  resourceListQuerySchema,
  resourcePageSchema,
  resourceSchema,
  settingsSchema,
  sourceSchema,
  updateKeyInputSchema,
  updateResourceInputSchema,
  updateSettingsInputSchema,
  usagePageSchema,
  usageQuerySchema as publicApiUsageQuerySchema,
} from "@/lib/schemas/public-api";
import type { Role } from "@/lib/schemas/roles";
import { runDetailSchema, runGridQuerySchema, runGridSchema, runListQuerySchema, runPageSchema, runReportSchema } from "@/lib/schemas/runs";
import { connectionTestSchema, syncStartedSchema, syncStatusSchema } from "@/lib/schemas/sync";
import { demoStatusSchema, healthSchema, meSchema, monitoringSettingsSchema, updateMeSchema, updateMonitoringSettingsSchema } from "@/lib/schemas/system";
import { usageQuerySchema, usageReportSchema, usageTrendQuerySchema, usageTrendSchema } from "@/lib/schemas/usage";
import { createUserInputSchema, setupInputSchema, updateUserInputSchema, userSchema } from "@/lib/schemas/users";
import { wallSchema } from "@/lib/schemas/wall";
import { vendorSchema } from "@/lib/vendors/catalog";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/endpoints/{id}`. */
  path: string;
  summary: string;
  /** The least role allowed; "public" needs no session (setup, health). */
  role: Role | "public";
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's schema; absent for 204 No Content. */
  response?: R;
  /** The success status (200 unless said). */
  status?: number;
  /** Other content types the answer may have (the usage CSV). */
  alsoProduces?: string[];
  /** Statuses beyond the common ones, with what they mean. */
  errors?: Record<number, string>;
}

function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  definition: RouteDefinition<P, Q, B, R>,
): RouteDefinition<P, Q, B, R> {
  return definition;
}

const NOT_FOUND = { 404: "No such object" };

export const API = {
  health: route({ method: "GET", path: "/api/health", role: "public", summary: "App version and database health", response: healthSchema, errors: { 503: "The database does not answer" } }),
  setup: route({
    method: "POST",
    path: "/api/v1/setup",
    role: "public",
    summary: "Create the first admin (only while no user exists)",
    body: setupInputSchema,
    response: userSchema,
    status: 201,
    errors: { 409: "Setup is already done" },
  }),
  me: route({ method: "GET", path: "/api/v1/me", role: "viewer", summary: "The signed-in user", response: meSchema }),
  updateMe: route({ method: "PATCH", path: "/api/v1/me", role: "viewer", summary: "Change your own preferences (the time zone the Activity grid's days are in)", body: updateMeSchema, response: meSchema }),
  getMonitoringSettings: route({
    method: "GET",
    path: "/api/v1/settings/monitoring",
    role: "viewer",
    summary: "When a scheduled run counts as missed (grace) and a plan as overdue (window without a good backup)",
    response: monitoringSettingsSchema,
  }),
  updateMonitoringSettings: route({
    method: "PUT",
    path: "/api/v1/settings/monitoring",
    role: "admin",
    summary: "Change the missed-run grace and the overdue window; statuses follow at each connection's next sync",
    body: updateMonitoringSettingsSchema,
    response: monitoringSettingsSchema,
  }),

  listConnections: route({ method: "GET", path: "/api/v1/connections", role: "viewer", summary: "List vendor connections (never their secrets)", response: z.array(connectionSchema) }),
  createConnection: route({
    method: "POST",
    path: "/api/v1/connections",
    role: "admin",
    summary: "Add a connection; the secret is encrypted at rest",
    body: createConnectionInputSchema,
    response: connectionSchema,
    status: 201,
  }),
  getConnection: route({ method: "GET", path: "/api/v1/connections/{id}", role: "viewer", summary: "One connection (never its secret)", params: idParams, response: connectionSchema, errors: NOT_FOUND }),
  updateConnection: route({
    method: "PATCH",
    path: "/api/v1/connections/{id}",
    role: "admin",
    summary: "Rename, re-point, enable or disable a connection, or replace its secret",
    params: idParams,
    body: updateConnectionInputSchema,
    response: connectionSchema,
    errors: NOT_FOUND,
  }),
  deleteConnection: route({ method: "DELETE", path: "/api/v1/connections/{id}", role: "admin", summary: "Remove a connection and its stored secret", params: idParams, status: 204, errors: NOT_FOUND }),
  testConnection: route({
    method: "POST",
    path: "/api/v1/connections/{id}/test",
    role: "admin",
    summary: "Sign in to the vendor and make one list call; says in words what failed",
    params: idParams,
    response: connectionTestSchema,
    errors: NOT_FOUND,
  }),
  syncConnection: route({
    method: "POST",
    path: "/api/v1/connections/{id}/sync",
    role: "technician",
    summary: "Sync now: starts a sync in the background (GET /api/v1/sync shows it)",
    params: idParams,
    response: syncStartedSchema,
    status: 202,
    errors: { ...NOT_FOUND, 409: "The connection is disabled, or a sync of it is running" },
  }),
  syncStatus: route({ method: "GET", path: "/api/v1/sync", role: "viewer", summary: "Per connection: last sync, whether its data is stale and why, recent syncs", response: z.array(syncStatusSchema) }),

  listUsers: route({ method: "GET", path: "/api/v1/users", role: "admin", summary: "List users", response: z.array(userSchema) }),
  createUser: route({ method: "POST", path: "/api/v1/users", role: "admin", summary: "Add a user with a role", body: createUserInputSchema, response: userSchema, status: 201, errors: { 409: "The email is taken" } }),
  updateUser: route({
    method: "PATCH",
    path: "/api/v1/users/{id}",
    role: "admin",
    summary: "Rename a user, change the role, disable, or reset the password (ends the user's sessions)",
    params: idParams,
    body: updateUserInputSchema,
    response: userSchema,
    errors: NOT_FOUND,
  }),

  listEndpoints: route({ method: "GET", path: "/api/v1/endpoints", role: "viewer", summary: "Endpoints of every vendor, filtered, sorted and paged", query: endpointListQuerySchema, response: endpointPageSchema }),
  getEndpoint: route({
    method: "GET",
    path: "/api/v1/endpoints/{id}",
    role: "viewer",
    summary: "One endpoint with its configurations, recent runs and the vendor's raw record",
    params: idParams,
    response: endpointDetailSchema,
    errors: NOT_FOUND,
  }),
  listConfigurations: route({
    method: "GET",
    path: "/api/v1/configurations",
    role: "viewer",
    summary: "Backup plans and configurations of every vendor",
    query: configurationListQuerySchema,
    response: configurationPageSchema,
  }),
  getConfiguration: route({
    method: "GET",
    path: "/api/v1/configurations/{id}",
    role: "viewer",
    summary: "One configuration with its selection, retention, notifications and recent runs",
    params: idParams,
    response: configurationDetailSchema,
    errors: NOT_FOUND,
  }),
  configurationReport: route({
    method: "GET",
    path: "/api/v1/configurations/{id}/report",
    role: "viewer",
    summary: "The configuration as the vendor describes it now (read from the vendor, cached for a minute)",
    params: idParams,
    response: configurationReportSchema,
    errors: { ...NOT_FOUND, 502: "The vendor could not answer; the message says why", 504: "The vendor did not answer in time" },
  }),
  listRuns: route({ method: "GET", path: "/api/v1/runs", role: "viewer", summary: "Run history (backups, restores, cleanups), newest first", query: runListQuerySchema, response: runPageSchema }),
  runGrid: route({ method: "GET", path: "/api/v1/runs/grid", role: "viewer", summary: "Endpoints × days, each day's worst backup result", query: runGridQuerySchema, response: runGridSchema }),
  getRun: route({ method: "GET", path: "/api/v1/runs/{id}", role: "viewer", summary: "One run with the vendor's raw record", params: idParams, response: runDetailSchema, errors: NOT_FOUND }),
  runReport: route({
    method: "GET",
    path: "/api/v1/runs/{id}/report",
    role: "viewer",
    summary: "The vendor's report of the run (read from the vendor, cached for a minute)",
    params: idParams,
    response: runReportSchema,
    errors: { ...NOT_FOUND, 502: "The vendor could not answer; the message says why", 504: "The vendor did not answer in time" },
  }),
  monitoring: route({ method: "GET", path: "/api/v1/monitoring", role: "viewer", summary: "What needs attention now, by severity, with counts per customer", query: monitoringQuerySchema, response: monitoringSchema }),
  overview: route({
    method: "GET",
    path: "/api/v1/overview",
    role: "viewer",
    summary: "Agents by status, backup success rates over 24 h, 7 and 30 days, customers needing attention, storage growth",
    response: overviewSchema,
  }),
  listCustomers: route({
    method: "GET",
    path: "/api/v1/customers",
    role: "viewer",
    summary: "The MSP's customers, each with the vendor customers (MSP360 companies, Rackspace accounts) linked to it",
    query: customerListQuerySchema,
    response: customerPageSchema,
  }),
  customerSuggestions: route({
    method: "GET",
    path: "/api/v1/customers/suggestions",
    role: "viewer",
    summary: "Customers whose names look alike at different connections: links to accept in one click",
    response: z.array(customerSuggestionSchema),
  }),
  dismissedSuggestions: route({
    method: "GET",
    path: "/api/v1/customers/suggestions/dismissed",
    role: "viewer",
    summary: "Link suggestions an admin dismissed (latest first), to look back at or undo",
    response: z.array(dismissedSuggestionSchema),
  }),
  dismissSuggestion: route({
    method: "POST",
    path: "/api/v1/customers/suggestions/dismissed",
    role: "admin",
    summary: "Dismiss a link suggestion: the two customers are not one, and it is not suggested again (audited)",
    body: dismissSuggestionInputSchema,
    response: dismissedSuggestionSchema,
    errors: NOT_FOUND,
  }),
  restoreSuggestion: route({
    method: "DELETE",
    path: "/api/v1/customers/suggestions/dismissed/{id}",
    role: "admin",
    summary: "Undo a dismissal: the pair is suggested again while the names stay alike (audited)",
    params: idParams,
    status: 204,
    errors: NOT_FOUND,
  }),
  getCustomer: route({ method: "GET", path: "/api/v1/customers/{id}", role: "viewer", summary: "One customer with its linked vendor customers", params: idParams, response: customerSchema, errors: NOT_FOUND }),
  updateCustomer: route({
    method: "PATCH",
    path: "/api/v1/customers/{id}",
    role: "admin",
    summary: "Rename a customer or set its overdue window (hours without a successful backup; null: 48)",
    params: idParams,
    body: updateCustomerInputSchema,
    response: customerSchema,
    errors: NOT_FOUND,
  }),
  linkCustomers: route({
    method: "POST",
    path: "/api/v1/customers/{id}/links",
    role: "admin",
    summary: "Link vendor customers to this customer; a customer left without any is removed (its API keys follow)",
    params: idParams,
    body: linkCustomersInputSchema,
    response: customerSchema,
    errors: NOT_FOUND,
  }),
  unlinkCustomer: route({
    method: "DELETE",
    path: "/api/v1/customers/{id}/links/{vendorCustomerId}",
    role: "admin",
    summary: "Unlink a vendor customer: it becomes a customer of its own again",
    params: unlinkParams,
    response: customerSchema,
    errors: { ...NOT_FOUND, 409: "It is the customer's only vendor customer" },
  }),
  usage: route({
    method: "GET",
    path: "/api/v1/usage",
    role: "viewer",
    summary: "Storage and cost per customer or endpoint for a month or a range (`format=csv` for a spreadsheet)",
    query: usageQuerySchema,
    response: usageReportSchema,
    alsoProduces: ["text/csv"],
  }),
  usageTrend: route({ method: "GET", path: "/api/v1/usage/trend", role: "viewer", summary: "Storage per month and vendor", query: usageTrendQuerySchema, response: usageTrendSchema }),
  audit: route({ method: "GET", path: "/api/v1/audit", role: "admin", summary: "Audit events, newest first, filtered and paged by cursor", query: auditQuerySchema, response: auditPageSchema }),

  createAction: route({
    method: "POST",
    path: "/api/v1/actions",
    role: "technician",
    summary:
      "Ask a vendor to do something (start or stop a backup, restore, switch an agent or a plan, create, edit or delete a plan). Send an `Idempotency-Key` header, new for each action: the same key again returns the same action and sends nothing (200).",
    body: createActionInputSchema,
    response: actionSchema,
    status: 202,
    errors: { 404: "No such target", 409: "The vendor cannot do this (the message says why and where instead), the target is not in a state for it, or the key was used for another action" },
  }),
  listActions: route({ method: "GET", path: "/api/v1/actions", role: "technician", summary: "The actions feed: who asked for what, and its state now, newest first", query: actionListQuerySchema, response: actionPageSchema }),
  getAction: route({
    method: "GET",
    path: "/api/v1/actions/{id}",
    role: "technician",
    summary: "One action with its state, the vendor's answer and the run it produced (reads the vendor while the action is open)",
    params: idParams,
    response: actionSchema,
    errors: NOT_FOUND,
  }),
  capabilities: route({
    method: "GET",
    path: "/api/v1/capabilities",
    role: "technician",
    summary: "What can be done to a configuration, endpoint or run at its vendor, and for what cannot, why",
    query: capabilitiesQuerySchema,
    response: capabilitiesSchema,
    errors: NOT_FOUND,
  }),
  bulkActionTargets: route({
    method: "GET",
    path: "/api/v1/actions/bulk-targets",
    role: "technician",
    summary:
      "A bulk action of a customer, before it is sent: its failed plans (`backup.start`) or offline agents (`agent.wake`), and whether their vendor can act on each. Confirm it with POST /api/v1/actions/bulk.",
    query: bulkTargetsQuerySchema,
    response: bulkTargetsSchema,
    errors: { 404: "No such customer" },
  }),
  createBulkRun: route({
    method: "POST",
    path: "/api/v1/actions/bulk",
    role: "technician",
    summary:
      "Run a bulk action on the targets of its preview: the server sends each as its own action (audited, 3 at a time) and goes on when the browser is closed. Send an `Idempotency-Key` header: the same key again returns the same run (200).",
    body: createBulkRunSchema,
    response: bulkRunSchema,
    status: 202,
    errors: { 404: "No such customer", 409: "None of the targets can be sent any more, or the key was used before" },
  }),
  getBulkRun: route({
    method: "GET",
    path: "/api/v1/actions/bulk/{id}",
    role: "technician",
    summary: "A bulk run: each target with its state (waiting, refused, or its action's state) and the action it became",
    params: idParams,
    response: bulkRunSchema,
    errors: NOT_FOUND,
  }),
  restorePoints: route({
    method: "GET",
    path: "/api/v1/configurations/{id}/restore-points",
    role: "technician",
    summary: "The backups of a plan that can be restored, newest first (read from the vendor)",
    params: idParams,
    response: restorePointsSchema,
    errors: { ...NOT_FOUND, 409: "The vendor cannot restore through its API", 502: "The vendor could not answer" },
  }),

  backupPlan: route({
    method: "GET",
    path: "/api/v1/configurations/{id}/plan",
    role: "technician",
    summary: "A plan's settings as its vendor holds them now (read from the vendor), for the edit form",
    params: idParams,
    response: backupPlanReadSchema,
    errors: { ...NOT_FOUND, 409: "The vendor cannot edit plans through its API", 502: "The vendor could not answer" },
  }),

  msp360List: route({
    method: "GET",
    path: "/api/v1/msp360/{connectionId}/{resource}",
    role: "admin",
    summary: "MSP360 administration: users, companies, packages, licenses, storage accounts, administrators or builds, read from MSP360 (kept 30 s)",
    params: z.object({ connectionId: z.string().min(1).max(100), resource: msp360ResourceSchema }),
    response: msp360ListSchema,
    errors: { 404: "No such MSP360 connection", 502: "MSP360 could not answer" },
  }),
  msp360Operate: route({
    method: "POST",
    path: "/api/v1/msp360/{connectionId}/operations",
    role: "admin",
    summary:
      "MSP360 administration: create, change or delete a user (deleting its account only, or with its backup data), company, package, administrator, storage account, bucket or destination (a destination: its package only); grant, release or revoke a license; authorize, deauthorize or erase (with its backups) a computer; request agent builds",
    params: z.object({ connectionId: z.string().min(1).max(100) }),
    body: msp360OperationSchema,
    response: msp360OperationResultSchema,
    errors: { 404: "No such MSP360 connection", 409: "MSP360 refused the change (the message says why)", 502: "MSP360 could not answer" },
  }),

  publicApiSettings: route({ method: "GET", path: "/api/v1/public-api/settings", role: "admin", summary: "Whether the Public API is on, its rate limit and log retention", response: settingsSchema }),
  updatePublicApiSettings: route({ method: "PUT", path: "/api/v1/public-api/settings", role: "admin", summary: "The Enable Public API switch (audited)", body: updateSettingsInputSchema, response: settingsSchema }),
  listPublicApiKeys: route({ method: "GET", path: "/api/v1/public-api/keys", role: "admin", summary: "Public API keys (a prefix to recognise each, never the key)", response: z.array(keySchema) }),
  createPublicApiKey: route({
    method: "POST",
    path: "/api/v1/public-api/keys",
    role: "admin",
    summary: "Create a Public API key; the answer is the only time the key is shown (only its SHA-256 is stored)",
    body: createKeyInputSchema,
    response: createdKeySchema,
    status: 201,
  }),
  updatePublicApiKey: route({
    method: "PATCH",
    path: "/api/v1/public-api/keys/{id}",
    role: "admin",
    summary: "Rename a key, describe it, scope it to a customer, set its expiry or its IP allow-list",
    params: idParams,
    body: updateKeyInputSchema,
    response: keySchema,
    errors: NOT_FOUND,
  }),
  deletePublicApiKey: route({ method: "DELETE", path: "/api/v1/public-api/keys/{id}", role: "admin", summary: "Remove a key: access ends at once", params: idParams, status: 204, errors: NOT_FOUND }),
  listPublicApiBindings: route({
    method: "GET",
    path: "/api/v1/public-api/keys/{id}/bindings",
    role: "admin",
    summary: "What a key may read: each bound dataset or widget with its endpoint and parameters",
    params: idParams,
    response: z.array(bindingSchema),
    errors: NOT_FOUND,
  }),
  addPublicApiBindings: route({
    method: "POST",
    path: "/api/v1/public-api/keys/{id}/bindings",
    role: "admin",
    summary: "Bind datasets or widgets to a key",
    params: idParams,
    body: addBindingsInputSchema,
    response: z.array(bindingSchema),
    errors: NOT_FOUND,
  }),
  removePublicApiBinding: route({
    method: "DELETE",
    path: "/api/v1/public-api/keys/{id}/bindings/{kind}/{resourceId}",
    role: "admin",
    summary: "Unbind a dataset or widget: the key loses access at once",
    params: bindingParamsSchema,
    status: 204,
    errors: { 404: "The key is not bound to it" },
  }),
  publicApiKeyUsage: route({
    method: "GET",
    path: "/api/v1/public-api/keys/{id}/usage",
    role: "admin",
    summary: "A key's usage log, newest first: time, resource, status, outcome, address",
    params: idParams,
    query: publicApiUsageQuerySchema,
    response: usagePageSchema,
    errors: NOT_FOUND,
  }),
  listPublicApiResources: route({
    method: "GET",
    path: "/api/v1/public-api/resources",
    role: "admin",
    summary: "Datasets or widgets for the pickers: built-in and admin-made, searchable",
    query: resourceListQuerySchema,
    response: resourcePageSchema,
  }),
  createPublicApiResource: route({
    method: "POST",
    path: "/api/v1/public-api/resources",
    role: "admin",
    summary: "Create a dataset (source, columns, fixed filters, order) or a widget (dataset, groups, measures)",
    body: createResourceInputSchema,
    response: resourceSchema,
    status: 201,
  }),
  getPublicApiResource: route({
    method: "GET",
    path: "/api/v1/public-api/resources/{id}",
    role: "admin",
    summary: "One dataset or widget with its definition and columns",
    params: idParams,
    response: resourceSchema,
    errors: NOT_FOUND,
  }),
  updatePublicApiResource: route({
    method: "PATCH",
    path: "/api/v1/public-api/resources/{id}",
    role: "admin",
    summary: "Change an admin-made dataset or widget",
    params: idParams,
    body: updateResourceInputSchema,
    response: resourceSchema,
    errors: { 403: "Built-in datasets and widgets are fixed", 404: "No such dataset or widget", 409: "Widgets use a column this change removes" },
  }),
  deletePublicApiResource: route({
    method: "DELETE",
    path: "/api/v1/public-api/resources/{id}",
    role: "admin",
    summary: "Remove an admin-made dataset or widget; keys bound to it lose access",
    params: idParams,
    status: 204,
    errors: { 403: "Built-in datasets and widgets are fixed", 404: "No such dataset or widget", 409: "Widgets are built on this dataset" },
  }),
  previewPublicApiResource: route({
    method: "GET",
    path: "/api/v1/public-api/resources/{id}/preview",
    role: "admin",
    summary: "A sample answer, as the public endpoint gives it (as a key sees it, with keyId)",
    params: idParams,
    query: previewQuerySchema,
    response: publicPageSchema,
    errors: { 400: "The definition cannot be answered", 404: "No such dataset, widget or key" },
  }),
  publicApiSources: route({ method: "GET", path: "/api/v1/public-api/sources", role: "admin", summary: "What datasets can be built from, with every column and its type", response: z.array(sourceSchema) }),

  listMaintenanceWindows: route({
    method: "GET",
    path: "/api/v1/maintenance-windows",
    role: "viewer",
    summary: "Maintenance windows and snoozes: active and upcoming ones (state=all adds the ended ones)",
    query: maintenanceListQuerySchema,
    response: z.array(maintenanceWindowSchema),
  }),
  createMaintenanceWindow: route({
    method: "POST",
    path: "/api/v1/maintenance-windows",
    role: "technician",
    summary: "Plan downtime of a customer or endpoint (a snooze): until it ends, its problems stay off the monitoring queue, its counts and the wall, shown as planned (audited)",
    body: createMaintenanceInputSchema,
    response: maintenanceWindowSchema,
    status: 201,
  }),
  endMaintenanceWindow: route({
    method: "POST",
    path: "/api/v1/maintenance-windows/{id}/end",
    role: "technician",
    summary: "End a maintenance window now: its problems count again straight away (audited)",
    params: idParams,
    response: maintenanceWindowSchema,
    errors: NOT_FOUND,
  }),

  listDisplayLinks: route({ method: "GET", path: "/api/v1/display-links", role: "admin", summary: "Display links of the wall screens, with when each was last seen (never the token)", response: z.array(displayLinkSchema) }),
  createDisplayLink: route({
    method: "POST",
    path: "/api/v1/display-links",
    role: "admin",
    summary: "Create a display link for a wall screen: named, scoped to all customers or some, with its pages and intervals. The answer is the only time its token is shown (only its SHA-256 is stored)",
    body: createDisplayLinkInputSchema,
    response: createdDisplayLinkSchema,
    status: 201,
  }),
  updateDisplayLink: route({
    method: "PATCH",
    path: "/api/v1/display-links/{id}",
    role: "admin",
    summary: "Rename a display link, change its scope, pages or intervals (the wall picks them up at its next refresh)",
    params: idParams,
    body: updateDisplayLinkInputSchema,
    response: displayLinkSchema,
    errors: { ...NOT_FOUND, 409: "The link is revoked" },
  }),
  revokeDisplayLink: route({
    method: "DELETE",
    path: "/api/v1/display-links/{id}",
    role: "admin",
    summary: "Revoke a display link: its wall blanks at its next refresh; the link stays listed as revoked",
    params: idParams,
    response: displayLinkSchema,
    errors: NOT_FOUND,
  }),
  wall: route({
    method: "GET",
    path: "/api/v1/wall",
    role: "public",
    summary:
      "The wall display's figures, read-only, within the display link's scope. Needs the display link's token (`Authorization: Bearer bcdl_…`) and nothing else: a session gets nothing here, and the token opens no other route",
    response: wallSchema,
    errors: { 401: "No display link, an unknown one, or a revoked one (`details.reason`: missing, unknown, revoked)" },
  }),

  demoStatus: route({ method: "GET", path: "/api/v1/demo", role: "viewer", summary: "Whether the demo data is installed, its connections, and how far the replay of its last 30 days has come", response: demoStatusSchema }),
  installDemo: route({
    method: "POST",
    path: "/api/v1/demo",
    role: "admin",
    summary: "Install the demo (two connections to the in-app vendor simulators) and start replaying its last 30 days in the background",
    response: demoStatusSchema,
    status: 201,
    errors: { 409: "The demo is installed already" },
  }),
  removeDemo: route({ method: "DELETE", path: "/api/v1/demo", role: "admin", summary: "Remove the demo connections and the simulated vendors", response: demoStatusSchema }),
  demoSimulatorRead: route({
    method: "GET",
    path: "/api/v1/demo/simulators/{vendor}/{path}",
    role: "admin",
    summary: "The demo simulators' control routes: `_sim/state`, `_sim/clock`, `_sim/faults`",
    params: z.object({ vendor: vendorSchema, path: z.array(z.string()).min(1) }),
    errors: NOT_FOUND,
  }),
  demoSimulatorChange: route({
    method: "POST",
    path: "/api/v1/demo/simulators/{vendor}/{path}",
    role: "admin",
    summary: "Move a demo simulator's clock or add a fault (`_sim/clock`, `_sim/faults`)",
    params: z.object({ vendor: vendorSchema, path: z.array(z.string()).min(1) }),
    errors: NOT_FOUND,
  }),
  demoSimulatorClear: route({
    method: "DELETE",
    path: "/api/v1/demo/simulators/{vendor}/{path}",
    role: "admin",
    summary: "Remove a demo simulator's faults (`_sim/faults`, `_sim/faults/{id}`)",
    params: z.object({ vendor: vendorSchema, path: z.array(z.string()).min(1) }),
    errors: NOT_FOUND,
  }),
  openapi: route({ method: "GET", path: "/api/v1/openapi.json", role: "public", summary: "This document" }),
} satisfies Record<string, RouteDefinition>;

export type ApiRoutes = typeof API;

/** `/api/v1/runs/{id}` with `{ id: "r1" }` → `/api/v1/runs/r1`. */
export function fillPath(path: string, params: Record<string, string | string[]> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}

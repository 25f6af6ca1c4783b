// A backup plan as a technician writes it (create and edit), in the terms of the one vendor whose documented API
// creates and changes plans: Rackspace Cloud Backup (seed 003, "Create/Update a backup configuration"). Field
// names and values are the seed's, so an error names the field the vendor would name.
//
// One set of rules, three users: the form checks with `backupPlanSchema` before sending, the API route checks the
// same schema at its boundary, and the Rackspace simulator answers a body that breaks a rule (`backupPlanIssues`)
// with the vendor's 400 and the same words. What the seed leaves open is marked "our choice".
import { WINDOWS_TO_IANA_MAP } from "windows-iana";
import { z } from "zod";

export const PLAN_FREQUENCIES = ["Manually", "Hourly", "Daily", "Weekly"] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

/** Seed: "Valid values are 0, 30, and 60. 0 means indefinite." */
export const PLAN_RETENTION_DAYS = [0, 30, 60] as const;

/** Seed: MissedBackupActionId 1 = notify as soon as possible, 2 = at the next scheduled time. */
export const PLAN_MISSED_BACKUP_ACTIONS = [1, 2] as const;

/** Seed: 0 = Sunday … 6 = Saturday. */
export const DAYS_OF_WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Windows time zone ids ("Eastern Standard Time", the seed's example): the agents are Windows and Linux servers
 * but the service speaks Windows ids. The list is Unicode CLDR's, as windows-iana ships it. */
export const PLAN_TIME_ZONES: readonly string[] = [...new Set(WINDOWS_TO_IANA_MAP.filter((zone) => zone.territory === "001").map((zone) => zone.windowsName))].sort();
const TIME_ZONE_SET = new Set(PLAN_TIME_ZONES);

/** Our choice (the seed sets no limit): Rackspace's control panel keeps names short, and so do lists. */
export const PLAN_NAME_MAX = 100;
/** Our choice: Windows' long-path limit is 32,767, but the control panel's selection stays far below 1,000. */
const PATH_MAX = 1000;
/** Our choice: a selection of hundreds of paths belongs in folders. */
const PATHS_MAX = 100;

// Absolute paths only, as the agent resolves them on its own disk: the seed's examples are `C:\backed_up_folder`
// (Windows drive), `/db/dumps/tmp/` (Linux). UNC shares (`\\server\share`) are Windows paths too.
const WINDOWS_PATH = /^(?:[A-Za-z]:\\|\\\\[^\\/]+\\[^\\/]+)/;
const POSIX_PATH = /^\//;
const WINDOWS_FORBIDDEN = /[<>"|?*]/;

/** What is wrong with a path to back up or exclude, or null. */
export function pathProblem(path: string): string | null {
  if (!path.trim()) return "Enter a path.";
  if (path !== path.trim()) return "A path does not start or end with spaces.";
  if (path.length > PATH_MAX) return `A path has at most ${PATH_MAX} characters.`;
  if (/[\u0000-\u001f]/.test(path)) return "A path has no control characters.";
  if (WINDOWS_PATH.test(path)) {
    // After the drive (or share), the Windows characters that no file name may hold.
    if (WINDOWS_FORBIDDEN.test(path.slice(2))) return 'A Windows path has none of < > " | ? * in it.';
    return null;
  }
  if (POSIX_PATH.test(path)) return null;
  return "Enter a full path: C:\\Data or \\\\server\\share on Windows, /var/www on Linux.";
}

// One address, as browsers check <input type=email> (WHATWG), which is what mail servers accept in practice.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** The addresses of NotifyRecipients: the seed's one address, or several separated by commas (our reading). */
export function recipientsOf(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter(Boolean);
}

export const PLAN_FILE_TYPES = ["File", "Folder"] as const;

const planFileSchema = z.object({
  FilePath: z.string(),
  FileItemType: z.enum(PLAN_FILE_TYPES, { error: "Choose File or Folder." }),
});
export type PlanFile = z.infer<typeof planFileSchema>;

/** The plan's fields, loosely typed: the rules below say what is wrong in words. */
const planShape = z.object({
  BackupConfigurationName: z.string(),
  IsActive: z.boolean(),
  VersionRetention: z.number().int(),
  MissedBackupActionId: z.number().int(),
  Frequency: z.enum(PLAN_FREQUENCIES, { error: "Choose Manually, Hourly, Daily or Weekly." }),
  StartTimeHour: z.number().int().nullable(),
  StartTimeMinute: z.number().int().nullable(),
  StartTimeAmPm: z.enum(["AM", "PM"]).nullable(),
  DayOfWeekId: z.number().int().nullable(),
  HourInterval: z.number().int().nullable(),
  TimeZoneId: z.string(),
  NotifyRecipients: z.string(),
  NotifySuccess: z.boolean(),
  NotifyFailure: z.boolean(),
  Inclusions: z.array(planFileSchema),
  Exclusions: z.array(planFileSchema),
});
type PlanFields = z.infer<typeof planShape>;

export interface PlanIssue {
  /** The seed's field name, with the index for a path: "Inclusions.0.FilePath". */
  path: (string | number)[];
  message: string;
}

function inRange(value: number | null, min: number, max: number): boolean {
  return value !== null && Number.isInteger(value) && value >= min && value <= max;
}

/** Every rule of the seed a plan breaks, in words (an empty list: the vendor would take it). */
export function backupPlanIssues(plan: PlanFields): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: PlanIssue["path"], message: string) => issues.push({ path, message });

  const name = plan.BackupConfigurationName.trim();
  if (!name) add(["BackupConfigurationName"], "Enter a name for the plan.");
  else if (name.length > PLAN_NAME_MAX) add(["BackupConfigurationName"], `A plan's name has at most ${PLAN_NAME_MAX} characters.`);
  if (!(PLAN_RETENTION_DAYS as readonly number[]).includes(plan.VersionRetention)) add(["VersionRetention"], "Keep versions for 30 days, 60 days or indefinitely (0).");
  if (!(PLAN_MISSED_BACKUP_ACTIONS as readonly number[]).includes(plan.MissedBackupActionId)) add(["MissedBackupActionId"], "Choose when a missed backup is reported: as soon as possible (1) or at the next scheduled time (2).");

  // Seed: the start time is 1–12 + minute 0–59 + AM/PM, "null when the Frequency value is Manually or Hourly";
  // the day 0–6, null unless Weekly; the interval 1–23, null unless Hourly.
  const timed = plan.Frequency === "Daily" || plan.Frequency === "Weekly";
  if (timed) {
    if (!inRange(plan.StartTimeHour, 1, 12)) add(["StartTimeHour"], `A ${plan.Frequency.toLowerCase()} plan needs a start hour from 1 to 12.`);
    if (!inRange(plan.StartTimeMinute, 0, 59)) add(["StartTimeMinute"], `A ${plan.Frequency.toLowerCase()} plan needs a start minute from 0 to 59.`);
    if (plan.StartTimeAmPm === null) add(["StartTimeAmPm"], `A ${plan.Frequency.toLowerCase()} plan needs AM or PM.`);
  } else {
    if (plan.StartTimeHour !== null && !inRange(plan.StartTimeHour, 1, 12)) add(["StartTimeHour"], "The start hour is 1 to 12, or empty.");
    if (plan.StartTimeMinute !== null && !inRange(plan.StartTimeMinute, 0, 59)) add(["StartTimeMinute"], "The start minute is 0 to 59, or empty.");
  }
  if (plan.Frequency === "Weekly" && !inRange(plan.DayOfWeekId, 0, 6)) add(["DayOfWeekId"], "A weekly plan needs a day of the week (0 = Sunday … 6 = Saturday).");
  if (plan.Frequency !== "Weekly" && plan.DayOfWeekId !== null && !inRange(plan.DayOfWeekId, 0, 6)) add(["DayOfWeekId"], "The day of the week is 0 (Sunday) to 6 (Saturday), or empty.");
  if (plan.Frequency === "Hourly" && !inRange(plan.HourInterval, 1, 23)) add(["HourInterval"], "An hourly plan runs every 1 to 23 hours.");
  if (plan.Frequency !== "Hourly" && plan.HourInterval !== null && !inRange(plan.HourInterval, 1, 23)) add(["HourInterval"], "The hour interval is 1 to 23, or empty.");
  if (!plan.TimeZoneId.trim()) add(["TimeZoneId"], "Choose the time zone the plan runs in.");
  else if (!TIME_ZONE_SET.has(plan.TimeZoneId)) add(["TimeZoneId"], `"${plan.TimeZoneId.slice(0, 60)}" is not a Windows time zone id (such as "Eastern Standard Time").`);

  // Seed: NotifyRecipients is required whatever NotifySuccess and NotifyFailure say.
  const recipients = recipientsOf(plan.NotifyRecipients);
  if (recipients.length === 0) add(["NotifyRecipients"], "Enter the email address to notify.");
  const bad = recipients.find((address) => !EMAIL.test(address) || address.length > 254);
  if (bad) add(["NotifyRecipients"], `"${bad.slice(0, 80)}" is not an email address.`);
  if (recipients.length > 10) add(["NotifyRecipients"], "Notify at most 10 addresses.");

  for (const list of ["Inclusions", "Exclusions"] as const) {
    const files = plan[list];
    if (files.length > PATHS_MAX) add([list], `At most ${PATHS_MAX} paths.`);
    const seen = new Set<string>();
    files.forEach((file, index) => {
      const problem = pathProblem(file.FilePath);
      if (problem) add([list, index, "FilePath"], problem);
      const key = file.FilePath.toLowerCase();
      // Our choice: a path listed twice is a slip.
      if (!problem && seen.has(key)) add([list, index, "FilePath"], "This path is in the list twice.");
      seen.add(key);
    });
  }
  // Our choice (the seed is silent): the same path both backed up and excluded is a mistake either way.
  const included = new Set(plan.Inclusions.map((file) => file.FilePath.toLowerCase()));
  plan.Exclusions.forEach((file, index) => {
    if (included.has(file.FilePath.toLowerCase())) add(["Exclusions", index, "FilePath"], "A path cannot be both backed up and excluded.");
  });
  return issues;
}

/** The plan as the form sends it and the API route takes it: the shape, then the vendor's rules. */
export const backupPlanSchema = planShape.superRefine((plan, context) => {
  for (const issue of backupPlanIssues(plan)) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type BackupPlan = z.infer<typeof backupPlanSchema>;

/** A new plan's starting point in the form: daily at 1:00 AM, 30 days of versions, failures reported. */
export function defaultBackupPlan(timeZoneId = "UTC"): BackupPlan {
  return {
    BackupConfigurationName: "",
    IsActive: true,
    VersionRetention: 30,
    MissedBackupActionId: 1,
    Frequency: "Daily",
    StartTimeHour: 1,
    StartTimeMinute: 0,
    StartTimeAmPm: "AM",
    DayOfWeekId: null,
    HourInterval: null,
    TimeZoneId: TIME_ZONE_SET.has(timeZoneId) ? timeZoneId : "UTC",
    NotifyRecipients: "",
    NotifySuccess: false,
    NotifyFailure: true,
    Inclusions: [],
    Exclusions: [],
  };
}

/** The schedule fields a frequency does not use, cleared as the seed wants them (null). */
export function normalizeSchedule(plan: BackupPlan): BackupPlan {
  const timed = plan.Frequency === "Daily" || plan.Frequency === "Weekly";
  return {
    ...plan,
    BackupConfigurationName: plan.BackupConfigurationName.trim(),
    StartTimeHour: timed ? plan.StartTimeHour : null,
    StartTimeMinute: timed ? plan.StartTimeMinute : null,
    StartTimeAmPm: timed ? plan.StartTimeAmPm : null,
    DayOfWeekId: plan.Frequency === "Weekly" ? plan.DayOfWeekId : null,
    HourInterval: plan.Frequency === "Hourly" ? plan.HourInterval : null,
  };
}

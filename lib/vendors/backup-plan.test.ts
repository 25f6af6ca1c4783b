// The plan rules shared by the form, the API route and the Rackspace simulator: what seed 003 allows, in words.
import { describe, expect, it } from "vitest";
import { backupPlanIssues, backupPlanSchema, defaultBackupPlan, normalizeSchedule, pathProblem, PLAN_TIME_ZONES, type BackupPlan } from "./backup-plan";

const valid = (overrides: Partial<BackupPlan> = {}): BackupPlan => ({ ...defaultBackupPlan("Eastern Standard Time"), BackupConfigurationName: "Web", NotifyRecipients: "ops@example.com", ...overrides });
const messages = (plan: BackupPlan) => Object.fromEntries(backupPlanIssues(plan).map((issue) => [issue.path.join("."), issue.message]));

describe("backup plan rules", () => {
  it("takes the seed's own examples", () => {
    // "Weekly Website Backup" of the create example (its address was hidden by the page it came from).
    const plan = valid({
      BackupConfigurationName: "Weekly Website Backup",
      VersionRetention: 30,
      Frequency: "Weekly",
      StartTimeHour: 7,
      StartTimeMinute: 30,
      StartTimeAmPm: "PM",
      DayOfWeekId: 5,
      NotifySuccess: true,
      Inclusions: [
        { FilePath: "C:\\backup_up_file.txt", FileItemType: "File" },
        { FilePath: "C:\\backed_up_folder", FileItemType: "Folder" },
      ],
      Exclusions: [{ FilePath: "C:\\backed_up_folder\\excluded_file.txt", FileItemType: "File" }],
    });
    expect(backupPlanSchema.safeParse(plan).success).toBe(true);
    expect(backupPlanIssues(valid({ Frequency: "Manually", StartTimeHour: null, StartTimeMinute: null, StartTimeAmPm: null, VersionRetention: 60 }))).toEqual([]);
    expect(backupPlanIssues(valid({ Frequency: "Hourly", HourInterval: 4, Inclusions: [{ FilePath: "/db/dumps/tmp/", FileItemType: "Folder" }] }))).toEqual([]);
  });

  it("asks for what each frequency needs, and only that", () => {
    expect(messages(valid({ Frequency: "Daily", StartTimeHour: null, StartTimeMinute: 75, StartTimeAmPm: null }))).toEqual({
      StartTimeHour: "A daily plan needs a start hour from 1 to 12.",
      StartTimeMinute: "A daily plan needs a start minute from 0 to 59.",
      StartTimeAmPm: "A daily plan needs AM or PM.",
    });
    expect(messages(valid({ Frequency: "Weekly", DayOfWeekId: 7 }))).toEqual({ DayOfWeekId: "A weekly plan needs a day of the week (0 = Sunday … 6 = Saturday)." });
    expect(messages(valid({ Frequency: "Hourly", HourInterval: 24 }))).toEqual({ HourInterval: "An hourly plan runs every 1 to 23 hours." });
    // What a frequency does not use is sent as null.
    expect(normalizeSchedule(valid({ Frequency: "Hourly", HourInterval: 2, DayOfWeekId: 3 }))).toMatchObject({ StartTimeHour: null, StartTimeMinute: null, StartTimeAmPm: null, DayOfWeekId: null, HourInterval: 2 });
  });

  it("checks retention, time zone, the address to notify and the paths", () => {
    expect(messages(valid({ VersionRetention: 90, MissedBackupActionId: 3, TimeZoneId: "Europe/Berlin", NotifyRecipients: "" }))).toEqual({
      VersionRetention: "Keep versions for 30 days, 60 days or indefinitely (0).",
      MissedBackupActionId: "Choose when a missed backup is reported: as soon as possible (1) or at the next scheduled time (2).",
      TimeZoneId: '"Europe/Berlin" is not a Windows time zone id (such as "Eastern Standard Time").',
      NotifyRecipients: "Enter the email address to notify.",
    });
    expect(messages(valid({ NotifyRecipients: "a@example.com; b@example" })).NotifyRecipients).toBe('"b@example" is not an email address.');
    expect(PLAN_TIME_ZONES).toEqual(expect.arrayContaining(["Eastern Standard Time", "UTC", "W. Europe Standard Time", "AUS Eastern Standard Time"]));
    expect(pathProblem("C:\\Data")).toBeNull();
    expect(pathProblem("\\\\fileserver\\share\\docs")).toBeNull();
    expect(pathProblem("/var/www/")).toBeNull();
    expect(pathProblem("Data")).toMatch(/full path/);
    expect(pathProblem("C:\\Da|ta")).toMatch(/none of/);
    expect(pathProblem(" /var")).toMatch(/spaces/);
    expect(messages(valid({ Inclusions: [{ FilePath: "/srv", FileItemType: "Folder" }], Exclusions: [{ FilePath: "/srv", FileItemType: "Folder" }] }))).toEqual({
      "Exclusions.0.FilePath": "A path cannot be both backed up and excluded.",
    });
  });
});

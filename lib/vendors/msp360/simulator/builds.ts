// Agent builds: the versions computers run, and what GET api/Builds and Builds/AvailableVersions publish.
import { MSP360_BUILD_EDITION } from "../schemas";
import type { OsFamily } from "./model";

/** Versions seen in the fleet, oldest first; the last one is the latest published build. */
export const AGENT_VERSIONS: Record<OsFamily, readonly string[]> = {
  windows: ["7.9.4.83", "8.0.3.36", "8.1.2.47", "8.2.1.123"],
  macos: ["4.9.2.58", "5.0.1.40", "5.1.0.77"],
  linux: ["4.9.0.102", "5.0.2.71", "5.1.1.48"],
};

export function latestVersion(os: OsFamily): string {
  const versions = AGENT_VERSIONS[os];
  return versions[versions.length - 1] ?? "";
}

/** BuildTypeString / BuildTypeLong of the backup agent per OS (the sample shows 536870940 for Windows). */
export const BACKUP_BUILD_TYPE: Record<OsFamily, number> = { windows: 536870940, macos: 536870944, linux: 536870948 };
export const REMOTE_ASSISTANT_BUILD_TYPE = 268435484;
export const REMOTE_ASSISTANT_VERSION = "2.6.0.151";

interface BuildEdition {
  edition: number;
  /** GET api/Builds names the edition with a string. */
  name: string;
  version: string;
  fileName: string;
}

export const BUILD_EDITIONS: readonly BuildEdition[] = [
  { edition: MSP360_BUILD_EDITION.Windows, name: "Windows", version: latestVersion("windows"), fileName: "Backup_Setup.exe" },
  { edition: MSP360_BUILD_EDITION.VirtualMachine, name: "VirtualMachine", version: "4.3.0.18", fileName: "Backup_VM.ova" },
  { edition: MSP360_BUILD_EDITION.MacOS, name: "macOS", version: latestVersion("macos"), fileName: "Backup.pkg" },
  { edition: MSP360_BUILD_EDITION.LinuxDeb, name: "LinuxDeb", version: latestVersion("linux"), fileName: "backup.deb" },
  { edition: MSP360_BUILD_EDITION.LinuxRpm, name: "LinuxRpm", version: latestVersion("linux"), fileName: "backup.rpm" },
  { edition: MSP360_BUILD_EDITION.DedupServer, name: "DedupServer", version: "1.4.2.9", fileName: "DedupServer_Setup.exe" },
];

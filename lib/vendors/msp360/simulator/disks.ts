// GET api/Computers/{hid}/Disks. Disks are not stored: they are drawn from the computer's key (so they stay the
// same between calls) and sized to hold what the computer's plans back up. The shape is the simulator's choice.
import type { Msp360Disk } from "../schemas";
import { randomFor } from "@/lib/simulator-kit/hash";
import type { Computer } from "./model";
import type { FleetSnapshot } from "./snapshot";

const GB = 1024 ** 3;
const DISK_SIZES_GB = [128, 256, 500, 512, 1000, 2000, 4000, 8000, 16000];
const SERVER_MODELS = ["Dell PERC H730P", "HPE Smart Array P408i", "Msft Virtual Disk"];
const CLIENT_MODELS = ["Samsung SSD 980 PRO", "WDC PC SN730", "KINGSTON SA400S37", "APPLE SSD AP0512Q"];

type Volume = Msp360Disk["Volumes"][number];

function volume(id: string, label: string | null, mountPoint: string, fileSystem: string, size: number, usedShare: number): Volume {
  const used = Math.round(size * usedShare);
  return {
    VolumeId: id,
    Label: label,
    MountPoint: mountPoint,
    FileSystem: fileSystem,
    Size: size,
    UsedSpace: used,
    FreeSpace: size - used,
  };
}

export function disksView(view: FleetSnapshot, computer: Computer): Msp360Disk[] {
  const random = randomFor(view.ctx.seed, computer.key, 3);
  const largestSourceGb = computer.plans.reduce((max, plan) => Math.max(max, plan.totalBytes), 0) / GB;
  const diskBytes = (neededGb: number) => (DISK_SIZES_GB.find((size) => size >= neededGb * 1.3) ?? 16000) * GB;
  const model = random.pick(computer.role === "server" ? SERVER_MODELS : CLIENT_MODELS);
  const usedShare = () => 0.3 + random.next() * 0.55;
  const disk = (number: number, id: string, size: number, isSystem: boolean, volumes: Volume[]): Msp360Disk => ({
    DiskId: id,
    Number: number,
    Model: model,
    Size: size,
    PartitionStyle: "GPT",
    IsSystem: isSystem,
    Volumes: volumes,
  });
  const windowsVolumeId = () => `\\\\?\\Volume{${random.uuid()}}\\`;

  switch (computer.os) {
    case "windows": {
      const systemSize = diskBytes(computer.role === "server" ? 100 : Math.min(largestSourceGb, 900));
      const disks = [
        disk(0, random.uuid(), systemSize, true, [
          volume(windowsVolumeId(), "Recovery", "", "NTFS", 0.5 * GB, 0.6),
          volume(windowsVolumeId(), null, "C:\\", "NTFS", systemSize - 0.6 * GB, usedShare()),
        ]),
      ];
      if (computer.role === "server" && largestSourceGb > 80) {
        const dataSize = diskBytes(largestSourceGb);
        const fileSystem = random.pick(["NTFS", "ReFS"]);
        disks.push(disk(1, random.uuid(), dataSize, false, [volume(windowsVolumeId(), "Data", "D:\\", fileSystem, dataSize, usedShare())]));
      }
      return disks;
    }
    case "macos": {
      const size = diskBytes(Math.min(largestSourceGb, 900));
      return [disk(0, "disk0", size, true, [volume("disk3s1", "Macintosh HD", "/", "APFS", size, usedShare())])];
    }
    case "linux": {
      const size = diskBytes(Math.max(largestSourceGb, 40));
      const fileSystem = random.pick(["ext4", "xfs"]);
      return [
        disk(0, "/dev/sda", size, true, [
          volume("/dev/sda1", null, "/boot", "ext4", GB, 0.2),
          volume("/dev/sda2", null, "/", fileSystem, size - GB, usedShare()),
        ]),
      ];
    }
  }
}

// A key's IP allow-list: addresses and CIDR ranges, IPv4 and IPv6 (an IPv4-mapped IPv6 address counts as IPv4).
import { BlockList, isIP } from "node:net";

function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

export function addressAllowed(address: string | undefined, allowList: string[]): boolean {
  if (allowList.length === 0) return true;
  if (!address) return false;
  const ip = normalize(address.trim());
  const family = isIP(ip);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of allowList) {
    const [base, bits] = entry.split("/");
    const entryFamily = isIP(base!);
    if (entryFamily === 0) continue;
    const type = entryFamily === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(base!, type);
    else list.addSubnet(base!, Number(bits), type);
  }
  return list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

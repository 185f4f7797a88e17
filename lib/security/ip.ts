import { isIP } from "node:net";

// IP addresses as bytes: for the request-forgery guard and for counting IPv6 clients per /64.

export function ipv4Bytes(ip: string): number[] | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** Sixteen bytes of an IPv6 address, including forms with an embedded dotted IPv4 tail. */
export function ipv6Bytes(input: string): number[] | null {
  let ip = input
    .replace(/^\[|\]$/g, "")
    .split("%")[0]!
    .toLowerCase();
  let tail: number[] = [];
  const dotted = ip.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = ipv4Bytes(dotted[2]!);
    if (!v4) return null;
    tail = v4;
    ip = `${dotted[1]}0:0`;
  }
  const halves = ip.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s ? s.split(":") : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 ? bytes : null;
}

/**
 * The part of an address that names one client: an IPv4 address whole; an IPv6 address by its /64, since one
 * home or phone is given a whole /64 and picks addresses in it at will. IPv4 inside IPv6 counts as IPv4.
 */
export function clientNetwork(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0]!;
  if (isIP(bare) !== 6) return bare;
  const b = ipv6Bytes(bare);
  if (!b) return bare;
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return b.slice(12).join(".");
  const groups = [0, 2, 4, 6].map((i) => ((b[i]! << 8) | b[i + 1]!).toString(16));
  return `${groups.join(":")}::/64`;
}

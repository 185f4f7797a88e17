import { isIP } from "node:net";

// Which addresses the server may fetch pages from: public unicast only.

function ipv4Bytes(ip: string): number[] | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** Sixteen bytes of an IPv6 address, including forms with an embedded dotted IPv4 tail. */
function ipv6Bytes(input: string): number[] | null {
  let ip = input.replace(/^\[|\]$/g, "").split("%")[0]!.toLowerCase();
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

const inV4 = (b: number[], net: [number, number, number, number], bits: number) => {
  const addr = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const base = ((net[0] << 24) | (net[1] << 16) | (net[2] << 8) | net[3]) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (addr & mask) === (base & mask);
};

const BLOCKED_V4: [[number, number, number, number], number][] = [
  [[0, 0, 0, 0], 8], // "this network", 0.0.0.0
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local, cloud metadata 169.254.169.254
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // protocol assignments
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
];

function blockedV4(b: number[], allowLoopback: boolean): boolean {
  if (allowLoopback && b[0] === 127 && b[1] === 0 && b[2] === 0 && b[3] === 1) return false;
  return BLOCKED_V4.some(([net, bits]) => inV4(b, net, bits));
}

function blockedV6(b: number[], allowLoopback: boolean): boolean {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // IPv4-mapped ::ffff:a.b.c.d and NAT64 64:ff9b::a.b.c.d: judged by the IPv4 address inside.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return blockedV4(b.slice(12), allowLoopback);
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return blockedV4(b.slice(12), allowLoopback);
  if (zeros(0, 12)) return true; // ::, ::1 and the old IPv4-compatible ::a.b.c.d
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return true; // link-local fe80::/10
  if ((b[0]! & 0xfe) === 0xfc) return true; // unique local fc00::/7
  if (b[0] === 0xff) return true; // multicast
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return true; // documentation
  if (b[0] === 0x20 && b[1] === 0x02) return blockedV4(b.slice(2, 6), false); // 6to4 around a private IPv4
  return false;
}

export interface GuardOptions {
  /** Lets 127.0.0.1 through, for a test server. Production never sets it. */
  allowLoopback?: boolean;
}

/** True for any address the server must not connect to; also for anything that is not an address. */
export function isBlockedAddress(address: string, opts: GuardOptions = {}): boolean {
  const allow = opts.allowLoopback ?? false;
  const family = isIP(address.replace(/^\[|\]$/g, "").split("%")[0]!);
  if (family === 4) {
    const b = ipv4Bytes(address);
    return b ? blockedV4(b, allow) : true;
  }
  if (family === 6) {
    const b = ipv6Bytes(address);
    return b ? blockedV6(b, allow) : true;
  }
  return true;
}

import { isIP } from "node:net";
import { ipv4Bytes, ipv6Bytes } from "@/lib/security/ip";

// Which addresses the server may fetch pages from: public unicast only.

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
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return true; // site-local fec0::/10 (deprecated, still routed inside some networks)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b[4] === 0 && b[5] === 1) return true; // local-use NAT64 64:ff9b:1::/48
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

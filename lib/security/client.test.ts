import { describe, expect, it } from "vitest";
import { clientAddress, clientKey, headersPastTheProxy, trustedProxies } from "./client";
import { clientNetwork } from "./ip";

const from = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("the address a request came from", () => {
  it("without proxies is the connection's address, which Next's server puts alone in the header", () => {
    expect(clientAddress(from("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("behind one proxy is the address it appended, whatever the client sent before it", () => {
    expect(clientAddress(from("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(from("10.9.9.9, 1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("behind two proxies is the address the outer one appended; the inner one appended the outer's", () => {
    expect(clientAddress(from("10.9.9.9, 203.0.113.7, 192.0.2.1"), 2)).toBe("203.0.113.7");
  });

  it("with fewer entries than proxies is the farthest one known, and unknown with none", () => {
    expect(clientAddress(from("203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientAddress(from(), 0)).toBe("unknown");
  });

  it("reads the number of proxies from the environment, a bad value meaning none", () => {
    expect(trustedProxies({})).toBe(0);
    expect(trustedProxies({ PICKET_TRUSTED_PROXIES: "2" })).toBe(2);
    expect(trustedProxies({ PICKET_TRUSTED_PROXIES: "-1" })).toBe(0);
    expect(trustedProxies({ PICKET_TRUSTED_PROXIES: "many" })).toBe(0);
  });
});

describe("one client, as its limits count it", () => {
  const key = (address: string) => clientKey(from(address), "secret-secret-secret-secret-secret");

  it("is an IPv4 address whole", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(key("203.0.113.7")).not.toBe(key("203.0.113.8"));
  });

  it("is an IPv6 client's /64: the addresses it picks inside it are one client", () => {
    expect(clientNetwork("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(key("2001:db8:aa:bb::1")).toBe(key("2001:db8:aa:bb:ffff:ffff:ffff:fffe"));
    expect(key("2001:db8:aa:bb::1")).not.toBe(key("2001:db8:aa:bc::1"));
  });

  it("is the IPv4 address inside an IPv4-mapped IPv6 one", () => {
    expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(key("::ffff:203.0.113.7")).toBe(key("203.0.113.7"));
  });
});

describe("a request that does not pass through the proxy", () => {
  const raw = {
    "x-forwarded-for": "10.9.9.9",
    "x-forwarded-host": "evil.example",
    "x-picket-locale": "kk",
    origin: "http://localhost:3000",
    "accept-language": ["ru", "en"],
  };

  it("without proxies counts its connection's address, not what the client wrote, and loses a client's language header", () => {
    const headers = headersPastTheProxy(raw, "203.0.113.7", 0);
    expect(clientAddress(headers, 0)).toBe("203.0.113.7");
    expect(headers.get("x-forwarded-host")).toBeNull();
    expect(headers.get("x-picket-locale")).toBeNull();
    expect(headers.get("origin")).toBe("http://localhost:3000");
    expect(headers.get("accept-language")).toBe("ru, en");
  });

  it("behind a proxy keeps what the proxy appended", () => {
    expect(clientAddress(headersPastTheProxy({ ...raw, "x-forwarded-for": "10.9.9.9, 203.0.113.7" }, "192.0.2.1", 1), 1)).toBe("203.0.113.7");
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client";

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

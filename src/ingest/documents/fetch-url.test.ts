import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyAddress } from "../../domain/network-addresses.js";
import { fetchDocument, type FetchLimits } from "./fetch-url.js";

/** A loopback listener that counts every TCP connection, so a test can prove nothing reached it. */
async function countingListener(host: string, handler: http.RequestListener) {
  const server = http.createServer(handler);
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    reset() {
      connections = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({
  maxBytes: 1000,
  maxRedirects: 2,
  allowPrivateAddresses: false,
  timeoutMs: 10_000,
  ...overrides,
});

describe("classifyAddress", () => {
  it("refuses every non-public range and every IPv6 form that carries a non-public IPv4 address", () => {
    const refused = [
      "127.0.0.1",
      "0.0.0.0",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "224.0.0.1",
      "255.255.255.255",
      "240.0.0.1",
      "192.0.2.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "127.1",
      "::1",
      "::",
      "fd00::1",
      "fc00::1",
      "fe80::1",
      "ff02::1",
      "fec0::1",
      "2001:db8::1",
      "::ffff:7f00:1",
      "::ffff:127.0.0.1",
      "::127.0.0.1",
      "::7f00:1",
      "64:ff9b::7f00:1",
      "::ffff:a9fe:a9fe",
      "2002:7f00:1::1",
      "2002:c0a8:101::1",
      "[::ffff:7f00:1]",
      "fe80::1%eth0",
      "localhost",
      "",
    ];
    for (const address of refused) expect(classifyAddress(address).isPublic, address).toBe(false);
    expect(classifyAddress("2130706433")).toMatchObject({ canonical: "127.0.0.1", range: "loopback" });
    expect(classifyAddress("::ffff:a9fe:a9fe").range).toBe("ipv4Mapped→linkLocal");
    expect(classifyAddress("64:ff9b::7f00:1").range).toBe("nat64→loopback");
  });

  it("accepts public unicast addresses, also when embedded in mapped, NAT64 or 6to4 IPv6", () => {
    for (const address of [
      "157.150.185.49",
      "8.8.8.8",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
    ])
      expect(classifyAddress(address).isPublic, address).toBe(true);
  });
});

describe("fetchDocument refuses non-public addresses on the address it connects to", () => {
  let victim: Awaited<ReturnType<typeof countingListener>>;
  let redirector: Awaited<ReturnType<typeof countingListener>>;
  beforeAll(async () => {
    victim = await countingListener("127.0.0.1", (_req, res) =>
      res.writeHead(200, { "content-type": "text/plain" }).end("1. Secret loopback page."),
    );
    // A second loopback address plays a public server that redirects to the victim (Linux routes all of 127/8 to lo).
    redirector = await countingListener("127.0.0.2", (req, res) =>
      res.writeHead(302, { location: decodeURIComponent(req.url!.slice(1)) }).end(),
    );
  });
  afterAll(async () => {
    await victim?.close();
    await redirector?.close();
  });
  beforeEach(() => victim.reset());

  const spellings = [
    "[::ffff:7f00:1]",
    "[::ffff:127.0.0.1]",
    "[::127.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[::ffff:a9fe:a9fe]",
    "0.0.0.0",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "127.0.0.1",
    "[::1]",
    "localhost",
  ];
  for (const host of spellings) {
    it(`refuses http://${host}:PORT/ and never connects to the loopback listener`, async () => {
      await expect(fetchDocument(`http://${host}:${victim.port}/doc.txt`, limits())).rejects.toThrow(
        /private or loopback/,
      );
      expect(victim.connections).toBe(0);
    });
  }

  it("refuses a name that resolves to loopback, resolving it once, in the connection itself", async () => {
    let calls = 0;
    const resolve = async () => {
      calls++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    await expect(fetchDocument(`http://docs.example.org:${victim.port}/doc.txt`, limits({ resolve }))).rejects.toThrow(
      /docs\.example\.org \(resolves to 127\.0\.0\.1\) is a private or loopback/,
    );
    expect(calls).toBe(1);
    expect(victim.connections).toBe(0);
  });

  it("refuses a name with one public and one private address (a rebinding or split answer)", async () => {
    const resolve = async () => [
      { address: "157.150.185.49", family: 4 },
      { address: "::ffff:127.0.0.1", family: 6 },
    ];
    await expect(fetchDocument(`http://docs.example.org:${victim.port}/doc.txt`, limits({ resolve }))).rejects.toThrow(
      /private or loopback/,
    );
    expect(victim.connections).toBe(0);
  });

  for (const target of ["127.0.0.1", "[::ffff:7f00:1]", "2130706433"]) {
    it(`checks every redirect hop: a redirect to http://${target}:PORT/ is refused`, async () => {
      const alsoAllow = (address: string) => address === "127.0.0.2";
      const to = encodeURIComponent(`http://${target}:${victim.port}/doc.txt`);
      await expect(fetchDocument(`http://127.0.0.2:${redirector.port}/${to}`, limits({ alsoAllow }))).rejects.toThrow(
        /private or loopback/,
      );
      expect(redirector.connections).toBeGreaterThan(0);
      expect(victim.connections).toBe(0);
    });
  }

  it("fetches from loopback, names and redirects included, when DOCUMENT_FETCH_ALLOW_PRIVATE allows it", async () => {
    const allowed = limits({ allowPrivateAddresses: true, resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
    const direct = await fetchDocument(`http://[::ffff:7f00:1]:${victim.port}/doc.txt`, allowed);
    expect(Buffer.from(direct.bytes).toString()).toBe("1. Secret loopback page.");
    const named = await fetchDocument(`http://docs.example.org:${victim.port}/doc.txt`, allowed);
    expect(Buffer.from(named.bytes).toString()).toBe("1. Secret loopback page.");
    const redirected = await fetchDocument(
      `http://127.0.0.2:${redirector.port}/${encodeURIComponent(`http://127.0.0.1:${victim.port}/doc.txt`)}`,
      allowed,
    );
    expect(redirected.finalUrl).toBe(`http://127.0.0.1:${victim.port}/doc.txt`);
  });
});

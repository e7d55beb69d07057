// Sign-in hardening (issue 13): `next` leads only to a path on this site after the normalisation a browser
// applies, and sign-in backoff counts an IPv6 client by its /64 and every loopback address as one client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientNetwork } from "../src/http/auth.js";
import { safeNext } from "../src/web/pages/login.js";
import { createEditorialTestApp, type EditorialTestApp } from "./editorial.js";

describe("where the login form may send a signed-in editor", () => {
  it.each([
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "//evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/ /evil.example",
    "",
  ])("refuses %j and goes to the editor desk", (next) => {
    expect(safeNext(decodeURIComponent(next.replace(/%(?![0-9a-f]{2})/gi, "%25")))).toBe("/editor");
  });

  it("keeps a path on this site with its query and fragment", () => {
    expect(safeNext("/editor/digest/2019-12?done=published#send")).toBe("/editor/digest/2019-12?done=published#send");
    expect(safeNext("/editor/../account")).toBe("/account");
  });

  describe("in the app", () => {
    let t: EditorialTestApp;
    beforeAll(async () => {
      t = await createEditorialTestApp("pglite", { seed: false });
      await t.addUser("ed@example.org", "editor", "a long enough passphrase");
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("sends a signed-in editor opening /login?next=/%09/evil.example to the desk, not to evil.example", async () => {
      const agent = t.agent();
      await agent.logIn("ed@example.org", "a long enough passphrase");
      for (const next of ["/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example", "%2F%2Fevil.example"]) {
        const res = await agent.request(`/login?next=${next}`);
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toBe("/editor");
      }
      await agent.get("/login");
      const posted = await agent.post("/login", {
        email: "ed@example.org",
        password: "a long enough passphrase",
        next: "/\t/evil.example",
      });
      expect(posted.headers.get("location")).toBe("/editor");
    });
  });
});

describe("which client a sign-in attempt counts against", () => {
  it("counts an IPv6 address by its /64 and an IPv4-mapped one as IPv4", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe(clientNetwork("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(clientNetwork("2001:db8:1:2::1")).not.toBe(clientNetwork("2001:db8:1:3::1"));
    expect(clientNetwork("::ffff:198.51.100.7")).toBe(clientNetwork("198.51.100.7"));
    expect(clientNetwork("198.51.100.7")).not.toBe(clientNetwork("198.51.100.8"));
  });

  it("counts every loopback address as one client", () => {
    expect(new Set(["127.0.0.1", "127.0.0.2", "127.255.0.9", "::1", "::ffff:127.0.0.1"].map(clientNetwork))).toEqual(
      new Set(["loopback"]),
    );
  });
});

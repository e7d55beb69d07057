import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testConfig } from "../../test/app.js";
import { createWebhookPosterFor } from "../http/deps.js";
// The server wires ingest's public-only fetch into the poster (newsletter/ itself may not import ingest/).
import { createPublicOnlyFetch } from "../ingest/documents/fetch-url.js";
import { createWebhookPoster, WebhookError } from "./webhook.js";

describe("webhook posts reach only public addresses", () => {
  let server: http.Server;
  let port: number;
  let connections = 0;
  const received: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume().on("end", () => res.writeHead(204).end());
      received.push(String(req.headers["x-normwatch-signature"]));
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    connections = 0;
    received.length = 0;
  });

  const post = (poster: ReturnType<typeof createWebhookPoster>, url: string) =>
    poster.post({
      url,
      body: '{"alert":1}',
      secret: "s3cret",
      deliveryKey: "alert:1",
      now: new Date("2026-11-23T12:00:00Z"),
    });

  for (const host of [
    "[::ffff:7f00:1]",
    "[::ffff:127.0.0.1]",
    "[::127.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[::ffff:a9fe:a9fe]",
    "127.0.0.1",
    "localhost",
  ]) {
    it(`refuses http://${host}:PORT/ for good (a permanent failure) and never connects`, async () => {
      const poster = createWebhookPoster({ fetch: createPublicOnlyFetch({ allowPrivateAddresses: false }) });
      const error = await post(poster, `http://${host}:${port}/hook`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookError);
      expect(error).toMatchObject({ isPermanent: true, message: expect.stringMatching(/private or loopback/) });
      expect(connections).toBe(0);
    });
  }

  it("refuses a name that resolves to loopback when connecting (no second resolution to rebind)", async () => {
    const poster = createWebhookPoster({
      fetch: createPublicOnlyFetch({
        allowPrivateAddresses: false,
        resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      }),
    });
    await expect(post(poster, `http://hooks.example.org:${port}/hook`)).rejects.toMatchObject({
      isPermanent: true,
      message: expect.stringMatching(/hooks\.example\.org \(resolves to 127\.0\.0\.1\)/),
    });
    expect(connections).toBe(0);
  });

  it("posts to loopback when DOCUMENT_FETCH_ALLOW_PRIVATE allows it", async () => {
    const poster = createWebhookPoster({ fetch: createPublicOnlyFetch({ allowPrivateAddresses: true }) });
    await expect(post(poster, `http://[::ffff:7f00:1]:${port}/hook`)).resolves.toEqual({ status: 204 });
    expect(received).toEqual([expect.stringMatching(/^sha256=[0-9a-f]{64}$/)]);
  });

  it("is what the app and `normwatch send` wire (createWebhookPosterFor), DOCUMENT_FETCH_ALLOW_PRIVATE included", async () => {
    await expect(
      post(createWebhookPosterFor(testConfig()), `http://[::ffff:7f00:1]:${port}/hook`),
    ).rejects.toMatchObject({ isPermanent: true, message: expect.stringMatching(/private or loopback/) });
    expect(connections).toBe(0);
    await expect(
      post(
        createWebhookPosterFor(testConfig({ DOCUMENT_FETCH_ALLOW_PRIVATE: "true" })),
        `http://[::ffff:7f00:1]:${port}/hook`,
      ),
    ).resolves.toEqual({ status: 204 });
  });
});

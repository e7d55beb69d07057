// Posts an alert to a subscriber's webhook: JSON body, signed with the alert's secret (X-Normwatch-Signature),
// no redirects followed, through a fetch passed in by the caller that refuses private addresses at connect time.
import { signWebhookBody } from "../domain/alerts.js";
import { AddressRefusedError } from "../domain/network-addresses.js";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export class WebhookError extends Error {
  override readonly name = "WebhookError";
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
  }
}

export interface WebhookPoster {
  post(input: {
    url: string;
    body: string;
    secret: string;
    deliveryKey: string;
    now: Date;
  }): Promise<{ status: number }>;
}

export interface WebhookPosterOptions {
  /** Throws when the URL's host may not be called (e.g. private or loopback addresses): an early, cheap refusal. */
  assertAllowedUrl?: (url: URL) => Promise<void>;
  /**
   * The fetch that posts. The server wires ingest's public-only fetch here (`createPublicOnlyFetch`), which checks the
   * address each connection actually reaches (a name that resolves to loopback, DNS rebinding) and rejects with
   * AddressRefusedError; the global fetch checks nothing.
   */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createWebhookPoster(options: WebhookPosterOptions): WebhookPoster {
  const doFetch = options.fetch ?? fetch;
  return {
    async post(input) {
      const url = new URL(input.url);
      if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new WebhookError(`refused: ${url.protocol} is not http(s)`, true);
      try {
        await options.assertAllowedUrl?.(url);
      } catch (error) {
        throw new WebhookError((error as Error).message, true);
      }
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
          headers: {
            "content-type": "application/json",
            "user-agent": "Normwatch alerts",
            "x-normwatch-signature": `sha256=${signWebhookBody(input.secret, input.body)}`,
            "x-normwatch-timestamp": input.now.toISOString(),
            "x-normwatch-delivery": input.deliveryKey,
          },
          body: input.body,
        });
      } catch (error) {
        if (error instanceof AddressRefusedError) throw new WebhookError(error.message, true);
        throw new WebhookError(`webhook unreachable: ${(error as Error).message}`, false);
      }
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { status: response.status };
      // Server errors, timeouts and rate limits may pass later; any other answer (4xx, a redirect) will not.
      const isTemporary = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new WebhookError(`webhook answered HTTP ${response.status}`, !isTemporary);
    },
  };
}

// Types for the part of html-to-text (no bundled types) that the digest email uses.
declare module "html-to-text" {
  export function convert(html: string, options?: Record<string, unknown>): string;
}

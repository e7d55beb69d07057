// Editor-written update items (the raw material of the digest) and the records each one links to.
import { InvalidInputError } from "./errors.js";
import { UPDATE_LINK_KINDS, type UpdateLinkKind } from "./vocabulary.js";

export interface UpdateLink {
  kind: UpdateLinkKind;
  id: string;
}

export interface Update {
  id: number;
  slug: string;
  title: string;
  bodyMarkdown: string;
  publishedOn: string;
  updatedAt: Date;
  links: UpdateLink[];
}

export interface UpdateInput {
  title: string;
  bodyMarkdown: string;
  publishedOn: string;
  links: UpdateLink[];
}

export interface UpdateFilter {
  link?: UpdateLink | undefined;
  /** Words that must all appear in the title or body (case-insensitive). */
  query?: string | undefined;
}

/** Site path of a linked record. */
export function linkPath(link: UpdateLink): string {
  switch (link.kind) {
    case "process":
      return `/processes/${link.id}`;
    case "session":
      return `/sessions/${link.id}`;
    case "state":
      return `/states/${link.id}`;
    case "norm":
      return `/norms/${link.id}`;
    case "resolution":
      return `/resolutions/${link.id}`;
    case "document":
      return `/documents/${encodeURIComponent(link.id)}`;
    case "deadline":
      return `/participation/deadlines/${link.id}`;
  }
}

export function slugOf(title: string, publishedOn: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `${publishedOn}-${words || "update"}`;
}

export function validateUpdateInput(input: UpdateInput): UpdateInput {
  const issues: { path: string; message: string }[] = [];
  if (input.title.trim() === "") issues.push({ path: "title", message: "a title is required" });
  if (input.title.length > 300) issues.push({ path: "title", message: "at most 300 characters" });
  if (input.bodyMarkdown.length > 20_000) issues.push({ path: "bodyMarkdown", message: "at most 20,000 characters" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.publishedOn)) issues.push({ path: "publishedOn", message: "an ISO day" });
  for (const [i, link] of input.links.entries()) {
    if (!UPDATE_LINK_KINDS.includes(link.kind))
      issues.push({ path: `links.${i}.kind`, message: "unknown record kind" });
    if (link.id.trim() === "") issues.push({ path: `links.${i}.id`, message: "a record id is required" });
  }
  if (issues.length > 0) throw new InvalidInputError("invalid update", issues);
  return { ...input, title: input.title.trim() };
}

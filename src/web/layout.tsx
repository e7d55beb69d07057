// The page frame: skip link, header navigation, main landmark, footer with data attribution.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { assetUrl } from "./asset-urls.js";
import type { ShareImage } from "./og/share-image-pages.js";

export interface LayoutProps {
  title: string;
  /** Path of the current page, to mark the active navigation item. */
  path?: string;
  description?: string;
  children?: Child;
  /** Client islands to load, by entry name (built by Vite into /assets/). */
  islands?: string[];
  /** Extra elements for <head>, e.g. <link rel="alternate"> feed links. */
  head?: Child;
  /** The share preview's image (og/share-image-pages.ts shareImageFor): an absolute URL on the configured site. */
  shareImage?: ShareImage | undefined;
}

export const NAV_ITEMS: { href: string; label: string }[] = [
  { href: "/processes", label: "Processes" },
  { href: "/calendar", label: "Calendar" },
  { href: "/states", label: "States" },
  { href: "/resolutions", label: "Resolutions" },
  { href: "/votes", label: "Votes" },
  { href: "/alignment", label: "Alignment" },
  { href: "/norms", label: "Norms & CBMs" },
  { href: "/implementation", label: "Implementation" },
  { href: "/international-law", label: "International law" },
  { href: "/capacity-building", label: "Capacity building" },
  { href: "/documents", label: "Documents" },
  { href: "/participation", label: "Participation" },
  { href: "/updates", label: "Updates" },
  { href: "/digest", label: "Digest" },
  { href: "/search", label: "Search" },
  { href: "/api/docs", label: "API" },
];

export function Layout(props: LayoutProps) {
  const isActive = (href: string) => props.path === href || (props.path?.startsWith(`${href}/`) ?? false);
  // The doctype puts browsers in standards mode (without it they render in quirks mode: document.compatMode
  // "BackCompat", with quirky table cell heights and inline image gaps); JSX cannot write one, so it goes in raw.
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Normwatch`}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          {/* Share previews (issue 17): title and description as the page gives them. */}
          <meta property="og:site_name" content="Normwatch" />
          <meta property="og:title" content={props.title} />
          {props.description ? <meta property="og:description" content={props.description} /> : null}
          {props.shareImage ? (
            <>
              <meta property="og:image" content={props.shareImage.url} />
              <meta property="og:image:type" content="image/png" />
              <meta property="og:image:width" content={String(props.shareImage.width)} />
              <meta property="og:image:height" content={String(props.shareImage.height)} />
              <meta property="og:image:alt" content={props.shareImage.alt} />
              <meta name="twitter:card" content="summary_large_image" />
            </>
          ) : (
            <meta name="twitter:card" content="summary" />
          )}
          <link rel="icon" type="image/svg+xml" href={assetUrl("static", "favicon.svg")} />
          <link rel="stylesheet" href={assetUrl("static", "site.css")} />
          <link rel="stylesheet" href={assetUrl("static", "print.css")} media="print" />
          <link
            rel="alternate"
            type="application/atom+xml"
            href="/feeds/updates.atom"
            title="Normwatch updates (Atom)"
          />
          {props.head}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              Normwatch
            </a>
            {/* On a phone the navigation folds behind "Menu" without JavaScript; on a wide screen the disclosure's
              content is always shown (::details-content) and its summary hidden. */}
            <details class="site-menu">
              <summary>Menu</summary>
              <nav aria-label="Main">
                <ul>
                  {NAV_ITEMS.map((item) => (
                    <li>
                      <a href={item.href} aria-current={isActive(item.href) ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </details>
            <form class="site-search" role="search" aria-label="Site" action="/search" method="get">
              <label for="site-search-q" class="visually-hidden">
                Search Normwatch
              </label>
              <input
                id="site-search-q"
                type="search"
                name="q"
                maxlength={500}
                placeholder="States, votes, 74/247, words…"
              />
              <button type="submit">Find</button>
            </form>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <p>
              Normwatch is an open-source observatory of international cyber diplomacy. Every record cites its sources.
              Data: United Nations (DGACM machine-readable resolutions), Voeten UN voting data (CC0), mledoze/countries
              (ODbL), internacia-db (MIT), Kostyuk national cybersecurity strategy data.{" "}
              <a href="/about/data">About the data</a> · <a href="/api/docs">Open API</a> ·{" "}
              <a href="/subscribe">Subscribe</a> · <a href="/login">Editors: sign in</a>.
            </p>
          </footer>
          {(props.islands ?? []).map((name) => (
            <script type="module" src={assetUrl("assets", `${name}.js`)} />
          ))}
        </body>
      </html>
    </>
  );
}

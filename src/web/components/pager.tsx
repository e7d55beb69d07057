// Previous / next links of a paged list, with "Page 2 of 9" when the number of pages is known.
export interface PagerProps {
  page: number;
  hasNext: boolean;
  /** The number of pages, when known. */
  pages?: number | undefined;
  href: (page: number) => string;
  label?: string;
  previousText?: string;
  nextText?: string;
}

/** Nothing when there is a single page. */
export function Pager({
  page,
  hasNext,
  pages,
  href,
  label = "Pages",
  previousText = "Previous",
  nextText = "Next",
}: PagerProps) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={label} class="pager">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {previousText}
        </a>
      ) : null}
      {pages ? (
        <span>
          {" "}
          Page {page} of {pages}{" "}
        </span>
      ) : (
        " "
      )}
      {hasNext ? (
        <a href={href(page + 1)} rel="next">
          {nextText}
        </a>
      ) : null}
    </nav>
  );
}

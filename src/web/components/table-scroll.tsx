// A wide table that scrolls sideways inside its own box on a narrow screen instead of widening the page: a labelled
// region that keyboard users can focus and scroll with the arrow keys (issue 17).
import type { Child } from "hono/jsx";

export function TableScroll(props: { label: string; children?: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}

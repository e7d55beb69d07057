// A wide table that scrolls sideways inside its own box on a narrow screen instead of widening the page: a labelled
// region that keyboard users can focus and scroll with the arrow keys (issue 17). A shadow at an edge shows that more
// of the table hides there (site.css).
import type { Child } from "hono/jsx";

export function TableScroll(props: { label: string; class?: string; children?: Child }) {
  return (
    <div
      class={props.class ? `table-scroll ${props.class}` : "table-scroll"}
      role="region"
      aria-label={props.label}
      tabindex={0}
    >
      {props.children}
    </div>
  );
}

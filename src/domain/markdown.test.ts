import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown.js";

describe("Safe Markdown", () => {
  it("escapes script tags and raw HTML instead of passing them through", () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script> and <img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("refuses javascript:, data: and vbscript: links and keeps their text", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "  javascript:alert(1)",
    ]) {
      const html = renderMarkdown(`[click](${url})`);
      expect(html, url).not.toContain("<a ");
      expect(html).toContain("click");
    }
    expect(renderMarkdown("<javascript:alert(1)>")).not.toContain("<a ");
  });

  it("keeps ordinary Markdown: emphasis, lists, http links marked nofollow, site paths", () => {
    const html = renderMarkdown(
      "**Agreed** by silence procedure.\n\n- see [the process](/processes/oewg-2021-2025)\n- and [dig.watch](https://dig.watch/)",
    );
    expect(html).toContain("<strong>Agreed</strong>");
    expect(html).toContain('<a href="/processes/oewg-2021-2025">the process</a>');
    expect(html).toContain('<a href="https://dig.watch/" rel="nofollow noopener external">dig.watch</a>');
  });

  it("shows images as their alt text only", () => {
    expect(renderMarkdown("![a tracking pixel](https://evil.example/p.gif)")).toBe("<p>a tracking pixel</p>\n");
  });

  it("gives plain text for summaries, shortened with an ellipsis", () => {
    expect(markdownToPlainText("**Bold** <b>raw</b> text")).toBe("Bold <b>raw</b> text");
    expect(markdownToPlainText("word ".repeat(100), 20)).toHaveLength(20);
  });
});

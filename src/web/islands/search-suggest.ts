// Island: as the reader types on the search page, shows the first matching paragraphs from the search API.
// The form still submits to /search without JavaScript; results are built with text nodes, never HTML.
interface Hit {
  document: { slug: string; symbol: string | null; title: string };
  label: string;
  permalink: string;
  snippet: { text: string; match: boolean }[];
}

const form = document.querySelector<HTMLFormElement>("form[data-suggest]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const panel = document.getElementById("search-suggestions");
if (form && input && panel) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const clear = () => panel.replaceChildren();
  const show = (hits: Hit[], total: number, query: string) => {
    const heading = document.createElement("p");
    heading.className = "muted";
    heading.textContent =
      total === 0
        ? `No paragraph matches “${query}” yet.`
        : `${total} paragraphs match “${query}”; the first ${hits.length}:`;
    const list = document.createElement("ul");
    list.className = "suggestions";
    for (const hit of hits) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = hit.permalink;
      link.textContent = `${hit.document.symbol ?? hit.document.slug}, ${hit.label}`;
      const snippet = document.createElement("span");
      snippet.className = "snippet";
      for (const part of hit.snippet) {
        const node = part.match ? document.createElement("mark") : document.createElement("span");
        node.textContent = part.text;
        snippet.append(node);
      }
      item.append(link, " ", snippet);
      list.append(item);
    }
    panel.replaceChildren(heading, list);
  };
  const suggest = async () => {
    const query = input.value.trim();
    inFlight?.abort();
    if (query.length < 3) return clear();
    inFlight = new AbortController();
    const params = new URLSearchParams({ q: query, per_page: "5" });
    const language = form.querySelector<HTMLSelectElement | HTMLInputElement>("[name=language]")?.value;
    if (language) params.set("language", language);
    try {
      const res = await fetch(`/api/v1/search?${params}`, {
        signal: inFlight.signal,
        headers: { accept: "application/json" },
      });
      if (!res.ok) return clear();
      const body = (await res.json()) as { data: Hit[]; meta: { total: number } };
      show(body.data, body.meta.total, query);
    } catch (error) {
      if ((error as Error).name !== "AbortError") clear();
    }
  };
  input.setAttribute("aria-controls", "search-suggestions");
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), 250);
  });
}

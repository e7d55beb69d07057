// Island: filters the States table as you type, without a round trip; the form still works without JS.
const input = document.querySelector<HTMLInputElement>("input[data-filter-target]");
const table = input ? document.getElementById(input.dataset["filterTarget"] ?? "") : null;
if (input && table) {
  const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>("tbody tr"));
  const status = document.querySelector<HTMLElement>("[role=status]");
  input.addEventListener("input", () => {
    const term = input.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const match = term === "" || (row.textContent ?? "").toLowerCase().includes(term);
      row.hidden = !match;
      if (match) shown++;
    }
    if (status) status.textContent = `${shown} States`;
  });
}

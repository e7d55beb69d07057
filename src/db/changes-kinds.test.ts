import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RECORD_SPECS } from "../domain/editorial/records.js";
import { EDITABLE_RECORD_KINDS } from "../domain/vocabulary.js";
import { columnOf, DEPENDENT_TABLES, propertyOf, REFERENCE_TABLES, TABLES } from "./changes-kinds.js";

describe("each editable kind's declaration matches its public table", () => {
  it.each(EDITABLE_RECORD_KINDS)(
    "%s: every field is a column (or written by a hook), and the id field is the key",
    (kind) => {
      const spec = RECORD_SPECS[kind];
      const table = TABLES[kind];
      expect(spec.kind).toBe(kind);
      const columns = Object.keys(getTableColumns(table.table));
      const dated = new Map(spec.partialDates.map((d) => [d.field, d]));
      for (const field of spec.fields) {
        const d = dated.get(field.name);
        if (d) expect(columns, `${kind}.${field.name}`).toEqual(expect.arrayContaining([d.date, d.precision]));
        else if (!columns.includes(field.name))
          expect(
            table.afterWrite && table.readExtra,
            `${kind}.${field.name} is neither a column nor written by a hook`,
          ).toBeDefined();
      }
      expect(propertyOf(table.table, table.key)).toBe(spec.idField ?? "id");
      expect(table.numericKey === true).toBe(spec.idField === null);
    },
  );

  it.each(EDITABLE_RECORD_KINDS)(
    "%s: references name its own fields, and dependents name columns of their tables",
    (kind) => {
      const spec = RECORD_SPECS[kind];
      const names = spec.fields.map((f) => f.name);
      for (const ref of spec.references) {
        expect(names).toContain(ref.field);
        if (ref.parentField) {
          expect(names).toContain(ref.parentField);
          expect(REFERENCE_TABLES[ref.target].parent).toBeDefined();
        }
      }
      for (const dependent of spec.dependents)
        for (const field of dependent.fields)
          expect(() => columnOf(DEPENDENT_TABLES[dependent.relation], field)).not.toThrow();
    },
  );
});

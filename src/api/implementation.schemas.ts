// Schemas and presenters of the implementation API: the regional roll-up and the derived indicators.
import { z } from "@hono/zod-openapi";
import type { ImplementationRollup } from "../analysis/implementation-rollup.js";
import {
  DERIVED_INDICATOR_IDS,
  DERIVED_INDICATORS,
  type DerivedIndicatorValue,
} from "../domain/implementation-indicators.js";
import { PartialDateSchema, presentPartialDate } from "./presenters.js";
import { stateQueryParam } from "../http/state-param.js";

const frameworkId = z
  .string()
  .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens")
  .max(120);

export const RollupQuery = z.object({
  framework: frameworkId
    .optional()
    .openapi({ description: "only the items of this framework, e.g. un-norms-2015 (default: every item)" }),
});

const RollupCellSchema = z.object({
  item_id: z.string(),
  group_size: z.number().int(),
  states_with_any: z
    .number()
    .int()
    .openapi({ description: "States of the group with at least one published evidence record for the item" }),
  states_implemented: z
    .number()
    .int()
    .openapi({ description: "States of the group with at least one published evidence record of status implemented" }),
  coverage_any: z.number().openapi({ description: "states_with_any ÷ group_size (0 for an empty group)" }),
  coverage_implemented: z.number(),
});

export const RollupSchema = z
  .object({
    rule: z.string(),
    items: z.array(z.object({ id: z.string(), code: z.string(), short_title: z.string() })),
    groups: z.array(
      z.object({
        key: z.string().openapi({ example: "group:WEOG" }),
        kind: z.enum(["un-regional-group", "organization"]),
        id: z.string(),
        label: z.string(),
        member_count: z.number().int(),
        cells: z.array(RollupCellSchema),
      }),
    ),
  })
  .openapi("ImplementationRollup");

export function presentRollup(rollup: ImplementationRollup, rule: string): z.infer<typeof RollupSchema> {
  return {
    rule,
    items: rollup.items.map((i) => ({ id: i.id, code: i.code, short_title: i.shortTitle })),
    groups: rollup.rows.map((r) => ({
      key: r.group.key,
      kind: r.group.kind,
      id: r.group.id,
      label: r.group.label,
      member_count: r.group.memberIso3s.length,
      cells: r.cells.map((c) => ({
        item_id: c.itemId,
        group_size: c.groupSize,
        states_with_any: c.statesWithAny,
        states_implemented: c.statesImplemented,
        coverage_any: c.coverageAny,
        coverage_implemented: c.coverageImplemented,
      })),
    })),
  };
}

export const IndicatorQuery = z.object({
  state: stateQueryParam("only this State's values"),
  indicator: z.enum(DERIVED_INDICATOR_IDS).optional(),
});

export const IndicatorsSchema = z
  .object({
    indicators: z.array(
      z.object({
        id: z.enum(DERIVED_INDICATOR_IDS),
        label: z.string(),
        is_derived: z.literal(true),
        rule: z.string(),
        source_ids: z.array(z.string()),
        related_item_ids: z
          .array(z.string())
          .openapi({ description: "norms and CBMs it is shown beside, for context; never counted as evidence" }),
        values_only_where_sourced: z.boolean().openapi({
          description:
            "true: only States the dataset has a row for have a value; any other State's value is unknown, not 'not met'",
        }),
        states_met: z.number().int(),
        states_total: z.number().int(),
      }),
    ),
    values: z.array(
      z.object({
        indicator_id: z.enum(DERIVED_INDICATOR_IDS),
        state_iso3: z.string(),
        is_met: z.boolean(),
        since: PartialDateSchema.nullable(),
      }),
    ),
  })
  .openapi("DerivedIndicators");

/** Definitions with counts over all values, and the values asked for (filtered by the caller). */
export function presentIndicators(
  all: DerivedIndicatorValue[],
  shown: DerivedIndicatorValue[],
): z.infer<typeof IndicatorsSchema> {
  return {
    indicators: DERIVED_INDICATOR_IDS.map((id) => {
      const d = DERIVED_INDICATORS[id];
      const values = all.filter((v) => v.indicatorId === id);
      return {
        id,
        label: d.label,
        is_derived: true as const,
        rule: d.rule,
        source_ids: d.sourceIds,
        related_item_ids: d.relatedItemIds,
        values_only_where_sourced: d.hasValuesOnlyWhereSourced,
        states_met: values.filter((v) => v.isMet).length,
        states_total: values.length,
      };
    }),
    values: shown.map((v) => ({
      indicator_id: v.indicatorId,
      state_iso3: v.stateIso3,
      is_met: v.isMet,
      since: presentPartialDate(v.since),
    })),
  };
}

/** A plan as the user previews it: one line per cell, "Tabel 3.3!F28: "4.765,000" → 4.765.000 (alasan)", from the catalogue's "plan.*" keys. */
import { sheetRef } from "../findings";
import { cell, formula, money, msg, nested, phrase, render, text, type Lang, type MessageRef } from "../messages";
import type { CellContent, WritePlan } from "../plan";

export function describePlan(plan: WritePlan, lang: Lang): string[] {
  return plan.cells.map((c) =>
    render(msg("plan.cellLine", { cell: cell(sheetRef(c.sheet, c.cell)), before: nested(shown(c.before)), after: nested(shown(c.after)), reason: phrase(c.reason) }), lang),
  );
}

function shown(content: CellContent): MessageRef {
  const value = content.error !== undefined ? msg("plan.asWritten", { name: text(content.error) }) : shownValue(content.value);
  return content.formula !== undefined ? msg("plan.withFormula", { formula: formula(content.formula), value: nested(value) }) : value;
}

/** An amount the language's way (en 8,399,475; id 8.399.475), a text as written in quotes. */
function shownValue(value: CellContent["value"]): MessageRef {
  if (value === null || value === "") return msg("plan.empty", {});
  if (typeof value === "number") return msg("plan.amount", { amount: money(String(value)) });
  if (typeof value === "boolean") return msg("plan.asWritten", { name: text(value ? "TRUE" : "FALSE") });
  return msg("plan.quoted", { text: text(value) });
}

/** A plan as the user previews it: one line per cell, "Tabel 3.3!F28: "4.765,000" → 4.765.000 (alasan)". */
import { sheetRef } from "../findings";
import { formatRupiah } from "../numbers";
import type { CellContent, WritePlan } from "../plan";

export function describePlan(plan: WritePlan, lang: "id" | "en"): string[] {
  return plan.cells.map((c) => `${sheetRef(c.sheet, c.cell)}: ${show(c.before, lang)} → ${show(c.after, lang)} (${c.reason[lang]})`);
}

function show(content: CellContent, lang: "id" | "en"): string {
  const value = content.error ?? showValue(content.value, lang);
  return content.formula !== undefined ? `=${content.formula} [${value}]` : value;
}

function showValue(value: CellContent["value"], lang: "id" | "en"): string {
  if (value === null || value === "") return lang === "en" ? "(empty)" : "(kosong)";
  if (typeof value === "number") return formatRupiah(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value}"`;
}

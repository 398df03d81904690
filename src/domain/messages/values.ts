/** How each kind of value is written in each language. */
import type Decimal from "decimal.js";
import { formatAmountWith, toDecimal, type AmountMarks } from "../numbers/format";
import type { Lang, MessageRef, Value } from "./types";

/**
 * Amounts: Indonesian in id ("8.399.475", "8.399,475": "." groups thousands, "," marks decimals) and English in
 * en ("8,399,475", "8,399.475"), so a reader of either language reads the amount the way it is meant.
 * Text that is no plain decimal comes back as given, so a message can always be rendered.
 */
export function formatAmount(value: Decimal | number | string, lang: Lang, places?: number): string {
  return formatAmountWith(value, MARKS[lang], places);
}

const MARKS: Record<Lang, AmountMarks> = { id: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } };

const AND: Record<Lang, string> = { id: "dan", en: "and" };

export function renderValue(v: Value, lang: Lang, renderMessage: (m: Extract<Value, { kind: "message" }>["value"], lang: Lang) => string): string {
  switch (v.kind) {
    case "money":
      return formatAmount(v.value, lang);
    case "signedMoney": {
      const d = toDecimal(v.value);
      return (d && d.isPositive() && !d.isZero() ? "+" : "") + formatAmount(v.value, lang);
    }
    case "percent":
      return formatAmount(v.value, lang, v.places);
    case "year":
      return String(v.value);
    case "count":
      return formatAmount(v.value, lang);
    case "formula":
    case "text":
    case "cell":
      return v.value;
    case "cells": {
      const cells = v.value;
      if (cells.length <= 1) return cells.join("");
      return `${cells.slice(0, -1).join(", ")} ${AND[lang]} ${cells[cells.length - 1]}`;
    }
    case "message":
      return renderMessage(v.value, lang);
    case "list": {
      const parts = v.value.map((m) => renderMessage(m, lang));
      if (v.sep === "") return parts.join("");
      if (v.sep === ";" || parts.length <= 1) return parts.join("; ");
      return `${parts.slice(0, -1).join(", ")} ${AND[lang]} ${parts[parts.length - 1]}`;
    }
    case "phrase":
      return v.value[lang];
  }
}

/** Builders, so a rule writes `money(sum)` rather than an object literal. */
export const money = (d: Decimal | string): Value & { kind: "money" } => ({ kind: "money", value: typeof d === "string" ? d : plain(d) });
export const signedMoney = (d: Decimal | string): Value & { kind: "signedMoney" } => ({ kind: "signedMoney", value: typeof d === "string" ? d : plain(d) });
/** A percentage rounded to `places` decimals; `padded` shows them all ("0,50"), else trailing zeros go ("8,1", "30"). */
export const percent = (d: Decimal, places: number, padded = false): Value & { kind: "percent" } => ({
  kind: "percent",
  value: plain(d.toDecimalPlaces(places)),
  ...(padded ? { places } : {}),
});
export const year = (n: number): Value & { kind: "year" } => ({ kind: "year", value: n });
export const count = (n: number): Value & { kind: "count" } => ({ kind: "count", value: n });
export const formula = (f: string): Value & { kind: "formula" } => ({ kind: "formula", value: f });
export const text = (s: string): Value & { kind: "text" } => ({ kind: "text", value: s });
export const cell = (ref: string): Value & { kind: "cell" } => ({ kind: "cell", value: ref });
export const cells = (refs: readonly string[]): Value & { kind: "cells" } => ({ kind: "cells", value: refs });
export const list = (refs: readonly MessageRef[], sep: "and" | ";" | "" = "and"): Value & { kind: "list" } => ({ kind: "list", value: refs, sep });
export const phrase = (p: { id: string; en: string }): Value & { kind: "phrase" } => ({ kind: "phrase", value: p });

function plain(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}

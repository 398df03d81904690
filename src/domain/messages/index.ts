export type { Lang, Phrase, Value, ValueKind, MessageKey, MessageRef, Pack } from "./types";
export { LANGS, isLang } from "./types";
export { MessageSpec } from "./spec";
export { render, renderAll, msg, nested, placeholderNames, fillTemplate, PACKS } from "./render";
export { money, signedMoney, percent, year, count, formula, text, cell, cells, list, phrase, formatAmount } from "./values";

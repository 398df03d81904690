/** One way to turn a message into text: its key's template in the language's pack, each value by its kind. */
import { en } from "./en";
import { id } from "./id";
import { LANGS, type Lang, type MessageKey, type MessageRef, type Pack, type ParamsOf, type Value } from "./types";
import { renderValue } from "./values";

export const PACKS: Record<Lang, Pack> = { id, en };

const PLACEHOLDER = /\{(\^?)(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/**
 * `{name}` is the value; `{^name}` the value with its first letter capitalised (a phrase opening a sentence);
 * `{n|one|other}` the word for a count: "one" when n is 1, else "other" (en "1 program", "5 programs").
 */
export function render(m: MessageRef, lang: Lang): string {
  const params = m.params as Record<string, Value>;
  return fillTemplate(PACKS[lang][m.key], params, lang);
}

export function fillTemplate(template: string, params: Record<string, Value>, lang: Lang): string {
  return template.replace(PLACEHOLDER, (whole, cap: string, name: string, one?: string, other?: string) => {
    const v = params[name];
    if (!v) return whole;
    if (one !== undefined && other !== undefined) return v.kind === "count" && v.value === 1 ? one : (other ?? "");
    const shown = renderValue(v, lang, render);
    return cap ? shown.charAt(0).toUpperCase() + shown.slice(1) : shown;
  });
}

/** Every language at once: what --json and saved results carry next to the key and its data. */
export function renderAll(m: MessageRef): Record<Lang, string> {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = render(m, lang);
  return out;
}

/** The placeholder names a template uses (the catalogue test compares them with the declared parameters). */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((x) => x[2]))].sort();
}

export function msg<K extends MessageKey>(key: K, params: ParamsOf<K>): MessageRef {
  return { key, params } as MessageRef;
}

export const nested = (m: MessageRef): Value & { kind: "message" } => ({ kind: "message", value: m });

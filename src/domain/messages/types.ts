/**
 * The one message catalogue: every user-facing sentence is a key with typed parameters, rendered per language
 * by a pack (id.ts, en.ts). Findings carry a MessageRef (key + typed data), never pre-built strings, so each
 * value is shown the way its type asks (an amount the Indonesian way in id, a year never grouped, a cell's text
 * as written) and adding a language is one new pack: the type system makes every pack hold every key.
 */

/** The languages the tool speaks: declared here once (CLI, pane and review sheets import it). */
export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];

/** Whether a text (a --lang value, a stored choice, Office's display language) names a language the tool speaks. */
export function isLang(v: string | null | undefined): v is Lang {
  return (LANGS as readonly (string | null | undefined)[]).includes(v);
}

/** A text in both languages built outside the catalogue (host errors, descriptive phrases still being moved). */
export type Phrase = { [L in Lang]: string };

/** What a parameter holds; each kind has its own rendering (values.ts). */
export type ValueKind = "money" | "signedMoney" | "percent" | "year" | "count" | "formula" | "text" | "cell" | "cells" | "message" | "list" | "phrase";

export type Value =
  /** Plain decimal string ("8399475", "13729.7"). */
  | { kind: "money"; value: string }
  /** A difference, with its sign when positive ("+28.633.000"). */
  | { kind: "signedMoney"; value: string }
  /**
   * A percentage (plain decimal string, already rounded), shown with the language's decimal mark ("0,50" / "0.50");
   * `places` keeps that many decimals even when they are zeros. The templates put the "%" sign.
   */
  | { kind: "percent"; value: string; places?: number }
  /** A calendar year: never grouped ("2026", not "2.026"). */
  | { kind: "year"; value: number }
  /** A number of things (rows, cells, programs). */
  | { kind: "count"; value: number }
  /** A formula as written ("=SUM(F22:F28)"). */
  | { kind: "formula"; value: string }
  /** Text as written in a cell or a file ("5.494,000", a program's name): never reformatted. */
  | { kind: "text"; value: string }
  /** A cell reference ("F12", "'Tabel 7'!F12"). */
  | { kind: "cell"; value: string }
  /** Cell references listed with the language's "and". */
  | { kind: "cells"; value: readonly string[] }
  /** Another catalogue message, rendered in the same language. */
  | { kind: "message"; value: MessageRef }
  /** Several messages: "a, b dan c" (and), "a; b" (;) or one after another (""). */
  | { kind: "list"; value: readonly MessageRef[]; sep: "and" | ";" | "" }
  /** A bilingual text made elsewhere; picked by language. */
  | { kind: "phrase"; value: Phrase };

export type ValueOfKind<K extends ValueKind> = Extract<Value, { kind: K }>;

import type { MessageSpec } from "./spec";

export type MessageKey = keyof typeof MessageSpec;

export type ParamsOf<K extends MessageKey> = { -readonly [P in keyof (typeof MessageSpec)[K]]: ValueOfKind<(typeof MessageSpec)[K][P] & ValueKind> };

/**
 * A message: its catalogue key and the typed values its templates name. Built only by msg(), which checks the
 * values against the catalogue key by key; stored as one shape rather than a union over every key, because a
 * union of some 250 keys multiplies in intersections (`Pick<Finding, "message"> & Partial<Finding>`) beyond what
 * the compiler can represent.
 */
export type MessageRef = { readonly key: MessageKey; readonly params: { readonly [name: string]: Value } };

/** The placeholder names of a template: "{n} {n|program|programs} in {^column}" → "n" | "column". */
type Names<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? Clean<P> | Names<Rest> : never;
type Clean<P extends string> = P extends `^${infer Q}` ? Clean<Q> : P extends `${infer N}|${string}` ? N : P;

/**
 * A pack as the type system accepts it: every key of the catalogue, no other, each template naming exactly the
 * parameters the catalogue declares for it (a missing or unknown placeholder is a compile error).
 */
export type CheckedPack<P> = {
  [K in MessageKey]: K extends keyof P
    ? P[K] extends string
      ? [Names<P[K]>] extends [keyof (typeof MessageSpec)[K]]
        ? [keyof (typeof MessageSpec)[K]] extends [Names<P[K]>]
          ? P[K]
          : "a parameter of the catalogue is missing from this template"
        : "this template names a parameter the catalogue does not declare"
      : never
    : never;
} & { [K in Exclude<keyof P, MessageKey>]: "not a key of the catalogue" };

export type Pack = { readonly [K in MessageKey]: string };

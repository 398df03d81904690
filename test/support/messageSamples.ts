/** A value of each kind to fill a catalogue template with, so a test can render every key in every language. */
import { msg, type Value } from "../../src/domain/messages";

export function sampleValue(kind: Value["kind"]): Value {
  switch (kind) {
    case "money":
    case "signedMoney":
      return { kind, value: "8399475" };
    case "percent":
      return { kind, value: "0.5", places: 2 };
    case "year":
    case "count":
      return { kind, value: 2 };
    case "cells":
      return { kind, value: ["F6", "F7"] };
    case "message":
      return { kind, value: msg("empty", {}) };
    case "list":
      return { kind, value: [msg("empty", {})], sep: "and" };
    case "phrase":
      return { kind, value: { id: "x", en: "x" } };
    default:
      return { kind, value: "x" };
  }
}

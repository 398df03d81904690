/**
 * A finding as --json writes it: the contract's fields, the message rendered in both languages (what JSON
 * consumers have always read) next to its catalogue key and typed data, and the suggestion's reason in the
 * request's language.
 */
import type { Finding } from "../domain/findings";
import { render, renderAll, type Lang, type MessageRef, type Phrase } from "../domain/messages";

export type FindingJson = Omit<Finding, "message" | "suggestion"> & {
  message: Phrase;
  messageKey: MessageRef["key"];
  messageParams: MessageRef["params"];
  suggestion?: { value: string; reason: string };
};

export function findingToJson(f: Finding, lang: Lang): FindingJson {
  const { message, suggestion, ...rest } = f;
  return {
    ...rest,
    message: renderAll(message),
    messageKey: message.key,
    messageParams: message.params,
    ...(suggestion ? { suggestion: { value: suggestion.value, reason: render(suggestion.reason, lang) } } : {}),
  };
}

/** The text of a finding's message: rendered from the catalogue, or as a saved --json result wrote it. */
export function findingText(message: MessageRef | Phrase, lang: Lang): string {
  return "key" in message ? render(message, lang) : message[lang];
}

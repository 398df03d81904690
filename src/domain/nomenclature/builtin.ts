/** Name matching against the built-in list, for callers that are not handed a catalogue. */
import { BUILTIN_CATALOGUE, type NomenclatureEntry } from "./catalogue";
import type { LevelMatches, MatchOptions, NomenclatureMatch } from "./match";

export function matchNomenclature(name: string, opts: MatchOptions = {}): NomenclatureMatch | undefined {
  return BUILTIN_CATALOGUE.match(name, opts);
}

export function matchLevels(name: string, minSimilarity = 0.5): LevelMatches {
  return BUILTIN_CATALOGUE.matchLevels(name, minSimilarity);
}

export function similarityToEntry(name: string, entry: NomenclatureEntry): number {
  return BUILTIN_CATALOGUE.similarityToEntry(name, entry);
}

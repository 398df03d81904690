export { CATALOGUES, bidangOfKode, entryByKode, levelOfKode } from "./catalogue";
export type { BidangCatalogue, NomenclatureEntry, NomenclatureLevel } from "./catalogue";
export { matchLevels, matchNomenclature, similarityToEntry } from "./match";
export type { LevelMatches, MatchOptions, NomenclatureMatch } from "./match";
export { compactNormalizedName, normalizeName } from "./normalize";

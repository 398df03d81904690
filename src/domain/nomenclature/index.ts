export { BUILTIN_CATALOGUE, CATALOGUES, Catalogue, PENUNJANG_BIDANG, SUGGEST_MARGIN, SUGGEST_MIN, bidangOfKode, entryByKode, isCatalogueData, isPenunjangProgramKode, levelOfKode } from "./catalogue";
export type { BidangCatalogue, CatalogueData, CatalogueLevel, CatalogueOrigin, NomenclatureEntry, NomenclatureLevel } from "./catalogue";
export { matchLevels, matchNomenclature, similarityToEntry } from "./builtin";
export type { LevelMatches, MatchOptions, NomenclatureMatch } from "./match";
export { compactNameHash, compactNormalizedName, normalizeName } from "./normalize";

export { CATALOGUES, bidangOfKode, entryByKode, levelOfKode } from "./catalogue";
export type { BidangCatalogue, NomenclatureEntry, NomenclatureLevel } from "./catalogue";
export { matchNomenclature } from "./match";
export type { MatchOptions, NomenclatureMatch } from "./match";
export { normalizeName } from "./normalize";

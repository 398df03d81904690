/** The CLI speaks the catalogue's languages: Bahasa Indonesia unless the user asks for English. */
export type { Lang } from "../domain/messages";

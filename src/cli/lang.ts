/** The CLI's output language: Bahasa Indonesia unless the user asks for English. */
export type Lang = "id" | "en";

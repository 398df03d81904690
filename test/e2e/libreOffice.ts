/** LibreOffice for the end-to-end tests: the one runner in scripts/libreOffice.ts. */
export { libreOfficeMissing, recalculatedSheets } from "../../scripts/libreOffice";

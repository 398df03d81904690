/**
 * The texts of generated tables, of the generated-sheet marker and of the verification workbook that the CLI runs
 * over the fixtures do not reach (refusals, a source without title, copied or edited sheets, an unreadable file):
 * pinned in both languages, so moving them into the catalogue (tables.*, marker.*, review.*) kept the Indonesian
 * as it was and the English amounts grouped the English way.
 */
import { verifyMarkedSheets, keptSheetNotice, generatedSheetsNotice, notOwnReason, type MarkerVerdict } from "../../../src/domain/generatedMarker";
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import { count, money, msg, phrase, renderAll, text } from "../../../src/domain/messages";
import type { Finding } from "../../../src/domain/findings";
import type { SheetContent } from "../../../src/domain/plan";
import { buildVerificationSheets } from "../../../src/domain/review/verificationSheets";
import type { ChecklistItem, UnitReview } from "../../../src/domain/review/unitReview";
import { buildPerubahan, buildTabel21, buildTabel33, isBuildError } from "../../../src/domain/tables";
import { BUILDERS } from "../../../src/domain/tables/generators";
import { pastedPair } from "../../support/revisionPairs";
import { seedSheet } from "../mapping/seedSheets";

const plan33 = () => mapWorkbook([seedSheet("tabel33", { sheetName: "Tabel 3.3" }).sheet, seedSheet("tabel21", { sheetName: "Tabel 2.1" }).sheet]);
const existingSheets = ["Tabel 3.3", "Tabel 2.1"];

/** The same workbook with every table's title and year gone: what a source pasted without its title gives. */
function untitled(workbook: MappedWorkbook, withYear: boolean): MappedWorkbook {
  return { ...workbook, tables: workbook.tables.map((t) => ({ ...t, title: "", year: withYear ? t.year : null })) };
}

describe("why a table cannot be built", () => {
  it("names the sheet that holds no plan table, or no evaluation table", () => {
    const workbook = plan33();
    expect(buildTabel33(workbook, { existingSheets, from: "Tabel 2.1" })).toEqual({
      error: {
        id: "Lembar 'Tabel 2.1' tidak memuat tabel rencana (program/kegiatan dengan pagu) yang dapat dipakai sebagai sumber.",
        en: "Sheet 'Tabel 2.1' holds no plan table (programs/kegiatan with pagu) to build from.",
      },
    });
    expect(buildTabel21(workbook, { existingSheets, from: "Tabel 3.3" })).toEqual({
      error: {
        id: "Tidak ditemukan tabel evaluasi (Tabel 2.1: target dan realisasi) di lembar 'Tabel 3.3' sebagai sumber.",
        en: "No evaluation table (Tabel 2.1: targets and realisations) found on sheet 'Tabel 3.3' to build from.",
      },
    });
  });

  it("says when the year cannot be read, and that the revision table needs the original", () => {
    const workbook = untitled(plan33(), false);
    const t33 = buildTabel33(workbook, { existingSheets });
    const t21 = buildTabel21(workbook, { existingSheets });
    expect(isBuildError(t33) && t33.error).toEqual({
      id: "Tahun rencana (N) tabel di lembar 'Tabel 3.3' tidak terbaca dari judul atau kepala kolomnya. Tuliskan tahunnya di judul.",
      en: "The plan year (N) of the table on sheet 'Tabel 3.3' cannot be read from its title or headers. State it in the title.",
    });
    expect(isBuildError(t21) && t21.error).toEqual({
      id: "Tahun Renja (N) tabel evaluasi di lembar 'Tabel 2.1' tidak terbaca dari judul atau kepala kolomnya.",
      en: "The Renja year (N) of the evaluation table on sheet 'Tabel 2.1' cannot be read from its title or headers.",
    });
    expect(BUILDERS["tabel-perubahan"]?.({ workbook }, { existingSheets })).toEqual({
      error: { id: "Tabel Perubahan memerlukan buku kerja semula (--original).", en: "The revision table needs the original workbook (--original)." },
    });
  });
});

describe("the notes of a generated table", () => {
  it("says that the unit and the kabupaten could not be read from a source without title", () => {
    const plan = buildTabel33(untitled(plan33(), true), { existingSheets });
    if (isBuildError(plan)) throw new Error(plan.error.en);
    expect(plan.notices.slice(0, 2)).toEqual([
      {
        id: 'Nama perangkat daerah tidak terbaca dari judul sumber; judul memakai "PERANGKAT DAERAH".',
        en: "The unit's name could not be read from the source's title; the title says \"PERANGKAT DAERAH\".",
      },
      {
        id: "Nama kabupaten/kota tidak terbaca dari judul sumber; baris itu dibiarkan kosong.",
        en: "The kabupaten/kota could not be read from the source's title; that line is left empty.",
      },
    ]);
  });

  it("sums up a revision with English grouping and plural in English", () => {
    const pair = pastedPair();
    const plan = buildPerubahan(mapWorkbook(pair.old), mapWorkbook(pair.new), { existingSheets: pair.new.map((s) => s.name) });
    if (isBuildError(plan)) throw new Error(plan.error.en);
    expect(plan.title).toEqual({
      id: "Buat Tabel Perubahan: lembar 'Tabel 3.3' (semula) dan 'Tabel 3.3' (menjadi)",
      en: "Generate the revision table: sheet 'Tabel 3.3' (original) and 'Tabel 3.3' (revised)",
    });
    expect(plan.notices.at(-1)).toEqual({
      id: "3 baris ditambah, 2 dihapus, 1 berganti nama; jumlah pagu semula 4.990.624.675, menjadi 4.966.907.025 (-23.717.650).",
      en: "3 rows added, 2 removed, 1 renamed; total pagu was 4,990,624,675, now 4,966,907,025 (-23,717,650).",
    });
    const one = { added: count(1), removed: count(0), renamed: count(0), semula: money("5"), menjadi: money("5"), sign: text("+"), change: money("0") };
    expect(renderAll(msg("tables.perubahan.summary", one))).toEqual({
      id: "1 baris ditambah, 0 dihapus, 0 berganti nama; jumlah pagu semula 5, menjadi 5 (+0).",
      en: "1 row added, 0 removed, 0 renamed; total pagu was 5, now 5 (+0).",
    });
  });
});

describe("the generated-sheet marker's texts", () => {
  const verdict = (status: MarkerVerdict["status"]): MarkerVerdict => ({ name: "Tabel 3.3 (Renja Cermat)", table: "tabel-3.3", status });

  it("says why a marked sheet is the user's, and where the new table went", () => {
    expect(renderAll(notOwnReason(verdict("copied")))).toEqual({
      id: "Lembar 'Tabel 3.3 (Renja Cermat)' membawa tanda Renja Cermat, tetapi tanda itu ikut tersalin dari lembar lain (salinan lembar buatan Renja Cermat); lembar ini dianggap milik Anda dan tidak ditimpa.",
      en: "Sheet 'Tabel 3.3 (Renja Cermat)' carries the Renja Cermat marker, but the marker came with a copy of another sheet (a copy of a sheet Renja Cermat made); it is treated as yours and is not overwritten.",
    });
    expect(renderAll(notOwnReason(verdict("old")))).toEqual({
      id: "Lembar 'Tabel 3.3 (Renja Cermat)' membawa tanda Renja Cermat versi lama yang tidak dapat membedakan lembar asli dari salinannya; lembar ini tidak ditimpa.",
      en: "Sheet 'Tabel 3.3 (Renja Cermat)' carries an old Renja Cermat marker that cannot tell the original from a copy; it is not overwritten.",
    });
    expect(renderAll(keptSheetNotice(verdict("edited"), "Tabel 3.3 (Renja Cermat) (2)"))).toEqual({
      id: "Lembar 'Tabel 3.3 (Renja Cermat)' dibuat oleh Renja Cermat, tetapi isinya sudah diubah sejak itu; lembar ini dianggap milik Anda dan tidak ditimpa. Tabel baru ditulis ke lembar 'Tabel 3.3 (Renja Cermat) (2)'.",
      en: "Sheet 'Tabel 3.3 (Renja Cermat)' was made by Renja Cermat, but its content was changed since; it is treated as yours and is not overwritten. The new table was written to sheet 'Tabel 3.3 (Renja Cermat) (2)'.",
    });
    // the verdicts the texts are for come from the marker itself
    expect(verifyMarkedSheets([{ name: "A", id: "4", marker: '"tabel-3.3"', fingerprint: () => "" }])[0].status).toBe("old");
  });

  it("names the sheets a check left out, one or several", () => {
    expect(generatedSheetsNotice([])).toBeUndefined();
    const one = generatedSheetsNotice(["Tabel 3.3 (Renja Cermat)"]);
    expect(one && renderAll(one)).toEqual({
      id: "'Tabel 3.3 (Renja Cermat)': lembar buatan Renja Cermat, tidak diperiksa.",
      en: "'Tabel 3.3 (Renja Cermat)': sheet made by Renja Cermat, not checked.",
    });
    const two = generatedSheetsNotice(["A", "B"]);
    expect(two && renderAll(two).en).toBe("'A', 'B': sheets made by Renja Cermat, not checked.");
  });
});

describe("the verification workbook's texts", () => {
  const finding = (severity: Finding["severity"], cell: string): Finding => ({
    id: `F-${cell}`,
    rule: "rollup-mismatch",
    severity,
    sheet: "Tabel 3.3",
    cell,
    row: 12,
    message: msg("phrase", { text: phrase({ id: "pesan", en: "message" }) }),
  });
  const item = (id: ChecklistItem["id"], findings: Finding[], infoCount = 0): ChecklistItem => ({
    id,
    label: msg(`review.item.${id}`, {}),
    status: findings.length ? "perlu-perbaikan" : "sesuai",
    findings,
    infoCount,
  });
  const review: UnitReview = {
    unit: "KANTOR KECAMATAN TOMONI",
    kabupaten: "KABUPATEN LUWU TIMUR",
    tables: [{ sheet: "Tabel 3.3", kind: "tabel-3.3", counts: { program: 6, kegiatan: 15, subKegiatan: 36 } }],
    totalN: "4990624675",
    counts: { error: 1, warning: 2, info: 3 },
    checklist: [item("sums", [finding("error", "F12"), finding("warning", "F13"), finding("warning", "F14")], 3), item("years", [])],
  };
  const units = [
    { file: "tomoni.xlsx", outcome: "checked" as const, review },
    { file: "rusak.xlsx", outcome: "unreadable" as const, reason: { id: "berkas terkunci", en: "the file is locked" } },
  ];
  const sheets = (lang: "id" | "en") => buildVerificationSheets(units, { lang, date: new Date(Date.UTC(2026, 11, 3)) });
  const at = (sheet: SheetContent, row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value;

  it("writes the Rekap's status of a file that could not be read, with its reason", () => {
    const overall = (lang: "id" | "en") => sheets(lang)[0].cells.filter((c) => c.row === 6).map((c) => c.value);
    expect(overall("id")).toContain("tidak dapat dibaca: berkas terkunci");
    expect(overall("en")).toContain("could not be read: the file is locked");
    expect(sheets("en")[0].print.footerCenter).toBe("Page &P / &N");
    expect(sheets("id")[0].print.footerCenter).toBe("Halaman &P / &N");
  });

  it("writes the Lembar's info line with the total in the reader's grouping, and each item's counts", () => {
    const [id, en] = [sheets("id")[1], sheets("en")[1]];
    expect(at(id, 3, 1)).toBe(
      "Berkas: tomoni.xlsx · Tanggal verifikasi: 3 Desember 2026 · Total pagu N: Rp 4.990.624.675 · N+1: – · Tabel (program/kegiatan/sub kegiatan): Tabel 3.3 ('Tabel 3.3': 6/15/36)",
    );
    expect(at(en, 3, 1)).toBe(
      "File: tomoni.xlsx · Verification date: 3 December 2026 · Total N: Rp 4,990,624,675 · N+1: – · Tables (programme/kegiatan/sub kegiatan): Tabel 3.3 ('Tabel 3.3': 6/15/36)",
    );
    // the item row (6) and its notes; the findings under it say their severity and rule
    expect(at(id, 6, 5)).toBe("1 galat; 2 peringatan; 3 info (tidak dirinci; renja check --json)");
    expect(at(en, 6, 5)).toBe("1 error; 2 warnings; 3 info (not listed; renja check --json)");
    expect([at(id, 7, 2), at(en, 8, 2)]).toEqual(["Galat (rollup-mismatch)", "Warning (rollup-mismatch)"]);
    expect([at(id, 10, 5), at(en, 10, 5)]).toEqual(["Tidak ada temuan.", "No findings."]);
  });
});

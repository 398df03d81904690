/**
 * Findings on single money cells: malformed-number, suspect-scale and text-number. The repair offered for a
 * slip is the one the sums settled on (arithmetic.ts): equal to the cell's children's sum, or balancing its
 * parent; when no sum decides, the most plausible reading, and the reason says it does not balance.
 *
 * One finding per cell: malformed-number is the more specific of the two slip rules. A malformed text
 * ("4.765,000") is also 1,000 times off when read as an Indonesian decimal, but its separators show exactly
 * what went wrong and the repair of the text repairs the scale; suspect-scale is for amounts that are well
 * written and still wrong in scale (a fraction of a Rupiah, or a sound number 1,000 times off its parent's need).
 */
import type { Finding, Message, RuleId } from "../../findings";
import type { MappedWorkbook } from "../../mapping/types";
import type { AmountSlip } from "../../numbers";
import { formatRupiah, plainDecimal } from "../../numbers";
import type { RuleMeta, RuleOptions } from "../types";
import type { AmountSlot, ColumnArithmetic, SumCheck } from "../../analysis/arithmetic";
import { analysisOf, isStoredAsText } from "../../analysis";
import { capitalize, levelName, moneyColumnLabel, rowName, severityFor } from "../../analysis/describe";

/** Which cells each single-cell rule reports. */
// A sound whole number (money.whole) reads "ok": its reading is not built just to say so.
const SELECTS: Partial<Record<RuleId, (slot: AmountSlot) => boolean>> = {
  "malformed-number": (slot) => slot.money.whole === undefined && !slot.derived && slot.money.reading.status === "malformed",
  // A fraction the sums hold with as read (chosen "stated") is no slip; a derived formula is mended through its children.
  "suspect-scale": (slot) =>
    !slot.derived &&
    ((slot.money.whole === undefined && slot.money.reading.status === "suspect-scale" && (slot.chosenKind ?? slot.chosen?.kind) !== "stated") ||
      (slot.chosenKind ?? slot.chosen?.kind) === "thousandfold"),
  "text-number": isStoredAsText,
};

export function cellFindings(workbook: MappedWorkbook, meta: RuleMeta, options: RuleOptions): Finding[] {
  const select = SELECTS[meta.id];
  if (!select) return [];
  const findings: Finding[] = [];
  for (const column of analysisOf(workbook).columns) {
    let sumsOf: Map<AmountSlot, SumCheck[]> | undefined;
    // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
    for (let is = 0; is < column.cells.length; is++) {
      const slot = column.cells[is];
      if (!select(slot)) continue;
      if (meta.id === "text-number") {
        findings.push(textNumberFinding(slot, meta, options));
        continue;
      }
      sumsOf ??= sumsByCell(column);
      findings.push(slipFinding(slot, meta, options, sumsOf.get(slot) ?? []));
    }
  }
  return findings;
}

function sumsByCell(column: ColumnArithmetic): Map<AmountSlot, SumCheck[]> {
  const map = new Map<AmountSlot, SumCheck[]>();
  const add = (slot: AmountSlot, check: SumCheck) => {
    const list = map.get(slot);
    if (list) list.push(check);
    else map.set(slot, [check]);
  };
  for (const check of column.checks) {
    add(check.parent, check);
    for (const c of check.children) add(c, check);
  }
  return map;
}

function base(slot: AmountSlot, meta: RuleMeta, options: RuleOptions): Pick<Finding, "rule" | "severity" | "sheet" | "cell" | "row" | "role"> {
  const m = slot.money;
  return { rule: meta.id, severity: severityFor(meta, options), sheet: m.table.sheet, cell: m.address, row: m.row.row, role: m.role };
}

const SLIP_WORDS: Record<AmountSlip, Message> = {
  "mixed-separators": { id: "titik dan koma tercampur", en: "dots and commas mixed" },
  "bad-grouping": { id: "pengelompokan angka tidak benar", en: "wrong digit grouping" },
  "extra-digit": { id: "satu kelompok angka kelebihan digit", en: "a digit group with one digit too many" },
  "missing-digit": { id: "satu kelompok angka kekurangan digit", en: "a digit group with a digit missing" },
  fraction: { id: "Rupiah dengan pecahan", en: "a fraction of a Rupiah" },
  thousandfold: { id: "1.000 kali meleset", en: "1,000 times off" },
};

function slipFinding(slot: AmountSlot, meta: RuleMeta, options: RuleOptions, sums: SumCheck[]): Finding {
  const m = slot.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  const raw = m.reading.raw;
  const literal = m.reading.value;
  const chosen = slot.chosen;
  const why = whyThisValue(slot, sums);
  const balances = slot.decidedBy === "children" || slot.decidedBy === "parent";

  let what: Message;
  if (slot.chosen?.kind === "thousandfold" && literal) {
    const smaller = chosen ? chosen.value.gt(literal) : true;
    what = {
      id: `${column.id} ${who.id} bernilai ${formatRupiah(literal)}, 1.000 kali lebih ${smaller ? "kecil" : "besar"} dari yang dibutuhkan jumlahnya${smaller ? ` (misalnya "${formatRupiah(literal)},000" diketik di Excel berlokal Indonesia, yang membaca koma sebagai desimal)` : ""}`,
      en: `${column.en} of ${who.en} is ${formatRupiah(literal)}, 1,000 times ${smaller ? "smaller" : "larger"} than its sum needs${smaller ? ` (e.g. "${formatRupiah(literal)},000" typed into an Indonesian-locale Excel, which reads the comma as a decimal mark)` : ""}`,
    };
  } else if (m.reading.status === "suspect-scale") {
    what = {
      id: `${column.id} ${who.id} bernilai ${formatRupiah(literal ?? raw)}: Rupiah tidak berpecahan; kemungkinan angka ribuan diketik dengan koma sehingga dibaca sebagai desimal`,
      en: `${column.en} of ${who.en} is ${formatRupiah(literal ?? raw)}: Rupiah amounts are whole; probably a thousands group typed with a comma and read as decimals`,
    };
  } else {
    const slip = m.reading.slip ? SLIP_WORDS[m.reading.slip] : SLIP_WORDS["bad-grouping"];
    what = {
      id: `Angka "${raw}" pada ${column.id} ${who.id} tidak dapat dibaca dengan pasti (${slip.id})`,
      en: `The amount "${raw}" in ${column.en} of ${who.en} cannot be read unambiguously (${slip.en})`,
    };
  }
  const proposal: Message = chosen
    ? { id: ` Kemungkinan maksudnya ${formatRupiah(chosen.value)}: ${why.id}.`, en: ` Probably meant ${formatRupiah(chosen.value)}: ${why.en}.` }
    : { id: " Tidak ada pembacaan yang masuk akal; periksa dokumen sumbernya.", en: " No plausible reading; check the source document." };

  return {
    ...base(slot, meta, options),
    ...(literal ? { actual: plainDecimal(literal) } : {}),
    ...(chosen && balances ? { expected: plainDecimal(chosen.value) } : {}),
    message: { id: capitalize(what.id) + "." + proposal.id, en: capitalize(what.en) + "." + proposal.en },
    ...(chosen ? { suggestion: { value: plainDecimal(chosen.value), reason: why.id } } : {}),
    ...(slot.decidedAt && slot.decidedAt !== slot ? { related: [slot.decidedAt.money.address] } : {}),
  };
}

/** Why the settled value: it equals the children's sum, balances the parent, or is only the likeliest reading. */
function whyThisValue(slot: AmountSlot, sums: SumCheck[]): Message {
  if (slot.decidedBy === "children") {
    const asParent = sums.find((s) => s.parent === slot);
    const n = asParent?.children.length ?? 0;
    const level = asParent ? levelName(asParent.children[0].money.row.level) : levelName("subKegiatan");
    return { id: `sama dengan jumlah ${n} ${level.id} di bawahnya`, en: `equals the sum of its ${n} ${level.en}` };
  }
  if (slot.decidedBy === "parent" && slot.decidedAt) {
    const parent = slot.decidedAt.money;
    const who = rowName(parent.row);
    return {
      id: `dengan angka ini jumlah ${who.id} (${parent.address}) cocok`,
      en: `with it the sum of ${who.en} (${parent.address}) balances`,
    };
  }
  if (sums.length > 0) {
    const where = sums.map((s) => s.parent.money.address).join(", ");
    return {
      id: `pembacaan paling mungkin, tetapi tidak membuat jumlah di ${where} cocok`,
      en: `the most plausible reading, but it does not balance the sum in ${where}`,
    };
  }
  return { id: "pembacaan paling mungkin (tidak ada jumlah yang dapat memastikannya)", en: "the most plausible reading (no sum confirms it)" };
}

function textNumberFinding(slot: AmountSlot, meta: RuleMeta, options: RuleOptions): Finding {
  const m = slot.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  // A text-number reading always has a value (numbers contract).
  const value = m.reading.value;
  const amount = value ? formatRupiah(value) : m.reading.raw;
  return {
    ...base(slot, meta, options),
    ...(value ? { actual: plainDecimal(value) } : {}),
    message: {
      id: `${capitalize(column.id)} ${who.id} (${amount}) tersimpan sebagai teks "${m.reading.raw}": rumus SUM di Excel melewatinya dan format angka tidak berlaku. Simpan sebagai angka.`,
      en: `${capitalize(column.en)} of ${who.en} (${amount}) is stored as text "${m.reading.raw}": Excel's SUM skips it and number formats do not apply. Store it as a number.`,
    },
    ...(value ? { suggestion: { value: plainDecimal(value), reason: "simpan sebagai angka, bukan teks" } } : {}),
  };
}

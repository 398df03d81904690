/**
 * Row levels (DOMAIN.md §5), strongest evidence first: a kode; the word PROGRAM (or an upper-case name, or a
 * confident program match in the catalogue); then, between programs, kegiatan vs sub kegiatan chosen by a
 * segmentation that weighs the catalogue, a leading dash, bold/indent, and the sums (a kegiatan usually equals the
 * sum of the rows under it until the next kegiatan). Each row gets a confidence and the evidence used.
 */
import type { Level } from "./types";
import type { RowFacts } from "./rowFacts";

export interface LevelResult {
  level: Level;
  confidence: number;
  evidence: string[];
}

/** Longest run of sub kegiatan under one kegiatan that the segmentation considers. */
const MAX_GROUP = 80;
const SUM_HOLDS = 3;
const SUM_FAILS = -1.5;
const NO_CHILDREN = -1;
const DASH = 3;
const OUTLINE = 4;
const CATALOGUE_WEIGHT = 6;
const CATALOGUE_FLOOR = 0.6;
const CATALOGUE_TRUSTED = 0.9;
const WORD = 1.5;
const FORMAT = 1;

export function inferLevels(facts: RowFacts[], moneyNames: string[]): LevelResult[] {
  // hosts record an indent only where there is one: once any row has one, the others stand at 0
  // Indexed loops over the rows here and below: these run once per table, mostly before V8 optimises them, and an
  // unoptimised for…of allocates an iterator result per row (100,000 in a kabupaten workbook).
  if (facts.some((f) => f.indent !== undefined)) for (let i = 0; i < facts.length; i++) facts[i].indent ??= 0;
  if (facts.some((f) => f.bold !== undefined)) for (let i = 0; i < facts.length; i++) facts[i].bold ??= false;
  const outlined = outlineInUse(facts);
  const results: (LevelResult | undefined)[] = facts.map((f) => fixedLevel(f) ?? (outlined && f.outline === "roman" && f.uraian !== "" ? OUTLINE_PROGRAM : undefined));
  if (!outlined) for (let i = 0; i < facts.length; i++) facts[i].outline = undefined;
  const mixedCase = facts.some((f) => f.uraian !== "" && !f.upperCase);
  facts.forEach((f, i) => {
    if (!results[i] && mixedCase && f.upperCase && !f.dash) {
      results[i] = { level: "program", confidence: 0.7, evidence: ["name in upper case"] };
    }
  });
  programsByIndent(facts, results);
  // kegiatan / sub kegiatan between programs (and urusan, bidang)
  let start = 0;
  for (let i = 0; i <= facts.length; i++) {
    const boundary = i === facts.length || isAbove(results[i]?.level);
    if (!boundary) continue;
    if (i > start) segment(facts, results, start, i, moneyNames);
    start = i + 1;
  }
  return results.map((r) => r ?? { level: "other", confidence: 0.5, evidence: [] });
}

const OUTLINE_PROGRAM: LevelResult = { level: "program", confidence: 0.8, evidence: ["outline number in Roman numerals (I, II, …) in the No column"] };

/**
 * Outline numbering (I / 1 / a) is read as levels only when the No column numbers at least two rows in Roman
 * numerals and the numbering restarts under each of them ("I, 1, a, b, 2, II, 1, …"): "I, 1, 2, 3, … 58" numbers
 * rows, not levels (the seed's Tabel 2.3).
 */
function outlineInUse(facts: RowFacts[]): boolean {
  let romans = 0;
  let afterRoman = false;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    const o = f.outline;
    if (o === undefined) continue;
    if (o === "roman") {
      romans++;
      afterRoman = true;
      continue;
    }
    if (afterRoman && !/^(1|a)\b/.test(f.outlineText ?? "")) return false;
    afterRoman = false;
  }
  return romans >= 2;
}

/** Without any other sign of programs, three indent depths read as program > kegiatan > sub kegiatan. */
function programsByIndent(facts: RowFacts[], results: (LevelResult | undefined)[]): void {
  if (results.some((r) => r?.level === "program")) return;
  const depths = new Set<number>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (f.uraian !== "" && f.indent !== undefined) depths.add(f.indent);
  }
  if (depths.size < 3) return;
  const top = Math.min(...depths);
  facts.forEach((f, i) => {
    if (!results[i] && f.uraian !== "" && f.indent === top) {
      results[i] = { level: "program", confidence: 0.75, evidence: ["least indented of three depths"] };
    }
  });
}

function isAbove(level: Level | undefined): boolean {
  return level === "program" || level === "urusan" || level === "bidang";
}

function fixedLevel(f: RowFacts): LevelResult | undefined {
  if (f.kodeLevel) return { level: f.kodeLevel, confidence: 0.99, evidence: [`kode ${f.kode}`] };
  if (f.skpdCode) return { level: "other", confidence: 0.95, evidence: [`the unit's SKPD code ${f.skpdCode}: a heading`] };
  if (f.uraian === "") return undefined;
  if (f.programWord) return { level: "program", confidence: 0.95, evidence: ["starts with PROGRAM"] };
  // A name the list holds as a program, kegiatan or sub kegiatan is not an urusan or bidang heading, whatever its
  // first word: the kegiatan 1.04.05.2.01 is "Urusan Penyelenggaraan PSU Perumahan"
  const heading = !isListedPlanName(f);
  if (heading && /^\s*(bidang urusan|urusan pemerintahan bidang)\b/i.test(f.uraian)) return { level: "bidang", confidence: 0.8, evidence: ["starts with BIDANG URUSAN"] };
  // SIPD's block of the support program: "X NON URUSAN", as the nomenclature lists it. The lists' urusan are
  // "URUSAN PEMERINTAHAN …", "URUSAN PENUNJANG", "UNSUR …" and "NON URUSAN" (older plans: "URUSAN WAJIB / PILIHAN");
  // a name that merely begins with the word (the kegiatan "Urusan Penyelenggaraan PSU Perumahan") is left to the
  // catalogue and the sums
  if (heading && /^\s*(urusan\s+(pemerintahan|penunjang|wajib|pilihan)|unsur|non[ -]urusan)\b/i.test(f.uraian)) return { level: "urusan", confidence: 0.8, evidence: ["starts with URUSAN / UNSUR / NON URUSAN"] };
  // the rest of a long name wrapped onto its own row: it starts in lower case or is a few words, and holds nothing else
  if (f.nameOnly && (/^\s*[a-z(]/.test(f.uraian) || f.uraian.trim().split(/\s+/).length <= 3)) {
    return { level: "other", confidence: 0.7, evidence: ["a wrapped line of the name above"] };
  }
  const p = f.matches.program;
  const other = Math.max(f.matches.kegiatan?.similarity ?? 0, f.matches.subKegiatan?.similarity ?? 0);
  if (p && p.similarity >= 0.85 && p.similarity > other + 0.1) {
    return { level: "program", confidence: 0.85, evidence: [`catalogue ${p.entry.kode} ${p.entry.name} (${p.similarity})`] };
  }
  return undefined;
}

/** The row's name is, normalised, exactly a program, kegiatan or sub kegiatan of the catalogue. */
function isListedPlanName(f: RowFacts): boolean {
  const { program, kegiatan, subKegiatan } = f.matches;
  return program?.similarity === 1 || kegiatan?.similarity === 1 || subKegiatan?.similarity === 1;
}

/**
 * How far a catalogue match tells kegiatan from sub kegiatan: fully from CATALOGUE_TRUSTED on, nothing below
 * CATALOGUE_FLOOR, in proportion between. A name 60–70 % like an entry is mostly another entry's words (a dinas
 * table against a list of another bidang matches "Penegakan Peraturan Daerah" to a kecamatan's kegiatan); it
 * outweighed sums that hold.
 */
function catalogueTrust(similarity: number): number {
  if (similarity < CATALOGUE_FLOOR) return 0;
  return Math.min(1, (similarity - CATALOGUE_FLOOR) / (CATALOGUE_TRUSTED - CATALOGUE_FLOOR));
}

/** Evidence that a row is a kegiatan (positive) rather than a sub kegiatan (negative), without the sums. */
function bias(f: RowFacts, fixed: LevelResult | undefined, minIndent: number | undefined, boldVaries: boolean): number {
  if (fixed?.level === "kegiatan") return 100;
  if (fixed?.level === "subKegiatan") return -100;
  let b = 0;
  const k = f.matches.kegiatan?.similarity ?? 0;
  const s = f.matches.subKegiatan?.similarity ?? 0;
  b += CATALOGUE_WEIGHT * (k - s) * catalogueTrust(Math.max(k, s));
  if (f.dash) b -= DASH;
  if (f.outline === "number") b += OUTLINE;
  else if (f.outline === "letter") b -= OUTLINE;
  if (/^\s*kegiatan\b/i.test(f.uraian)) b += WORD;
  if (/^\s*sub\s*kegiatan\b/i.test(f.uraian)) b -= WORD;
  if (minIndent !== undefined && f.indent !== undefined) b += f.indent === minIndent ? FORMAT : -FORMAT;
  if (boldVaries && f.bold !== undefined) b += f.bold ? FORMAT : -FORMAT / 2;
  return b;
}

function segment(facts: RowFacts[], results: (LevelResult | undefined)[], from: number, to: number, moneyNames: string[]): void {
  // rows with nothing to place (no name, no kode) stay "other"; they are not part of the segmentation
  const idx: number[] = [];
  for (let i = from; i < to; i++) if ((facts[i].uraian !== "" || facts[i].kode) && results[i]?.level !== "other") idx.push(i);
  const m = idx.length;
  if (m === 0 || idx.every((i) => results[i] !== undefined)) return;
  const indents = idx.map((i) => facts[i].indent).filter((x): x is number => x !== undefined);
  const minIndent = indents.length > 1 && Math.min(...indents) !== Math.max(...indents) ? Math.min(...indents) : undefined;
  const bolds = idx.map((i) => facts[i].bold).filter((x) => x !== undefined);
  const boldVaries = bolds.includes(true) && bolds.length > bolds.filter((x) => x).length;
  const b = idx.map((i) => bias(facts[i], results[i], minIndent, boldVaries));
  const B = [0];
  for (let j = 0; j < m; j++) B.push(B[j] + b[j]);
  const cols = moneyNames.length;
  // prefix sums per money column, and where each row's amount is met by the rows after it
  const holdsUntil: (number[] | undefined)[] = new Array(m);
  for (let k = 0; k < cols; k++) {
    const prefix: bigint[] = new Array(m + 1);
    prefix[0] = 0n;
    let monotone = true;
    for (let j = 0; j < m; j++) {
      const a = facts[idx[j]].amounts[k] ?? 0n;
      if (a < 0n) monotone = false;
      prefix[j + 1] = prefix[j] + a;
    }
    for (let s = 0; s < m; s++) {
      const a = facts[idx[s]].amounts[k];
      if (a === null || a === 0n) continue;
      const target = prefix[s + 1] + a;
      const limit = Math.min(m, s + MAX_GROUP);
      for (let e = s + 2; e <= limit; e++) {
        const p = prefix[e];
        if (p === target) (holdsUntil[s] ??= []).push(e);
        // with no negative amounts the running sum only grows: past the target it cannot come back
        else if (monotone && p > target) break;
      }
    }
  }
  const hasAmount = idx.map((i) => facts[i].amounts.some((a) => a !== null && a !== 0n));
  const groupScore = (s: number, e: number): number => {
    let score = b[s] - (B[e] - B[s + 1]);
    if (e === s + 1) score += NO_CHILDREN;
    else if (holdsUntil[s]?.includes(e)) score += SUM_HOLDS;
    else if (hasAmount[s]) score += SUM_FAILS;
    return score;
  };
  const best = new Array<number>(m + 1).fill(-Infinity);
  const from_ = new Array<number>(m + 1).fill(0);
  best[0] = 0;
  for (let e = 1; e <= m; e++) {
    for (let s = Math.max(0, e - MAX_GROUP); s < e; s++) {
      if (best[s] === -Infinity) continue;
      const v = best[s] + groupScore(s, e);
      if (v > best[e]) {
        best[e] = v;
        from_[e] = s;
      }
    }
  }
  const groups: [number, number][] = [];
  for (let e = m; e > 0; e = from_[e]) groups.unshift([from_[e], e]);
  for (const [s, e] of groups) {
    const sumHolds = holdsUntil[s]?.includes(e) ?? false;
    for (let j = s; j < e; j++) {
      const i = idx[j];
      if (results[i]) continue;
      const level: Level = j === s ? "kegiatan" : "subKegiatan";
      results[i] = describe(facts[i], level, b[j], sumHolds, j === s ? moneyNames.filter((_, k) => holdsFor(facts, idx, s, e, k)) : []);
    }
  }
}

function holdsFor(facts: RowFacts[], idx: number[], s: number, e: number, k: number): boolean {
  const parent = facts[idx[s]].amounts[k];
  if (parent === null || parent === 0n) return false;
  let sum = 0n;
  for (let j = s + 1; j < e; j++) sum += facts[idx[j]].amounts[k] ?? 0n;
  return sum === parent;
}

function describe(f: RowFacts, level: Level, rowBias: number, sumHolds: boolean, heldColumns: string[]): LevelResult {
  const evidence: string[] = [];
  let confidence = 0.55;
  const agrees = level === "kegiatan" ? rowBias > 0 : rowBias < 0;
  const m = level === "kegiatan" ? f.matches.kegiatan : f.matches.subKegiatan;
  if (m && m.similarity >= 0.6 && agrees) {
    evidence.push(`catalogue ${m.entry.kode} ${m.entry.name} (${m.similarity})`);
    confidence += 0.35 * m.similarity;
  } else if (Math.abs(rowBias) >= 1 && !agrees) {
    evidence.push("catalogue or formatting point the other way");
    confidence -= 0.2;
  }
  if ((f.outline === "number" && level === "kegiatan") || (f.outline === "letter" && level === "subKegiatan")) {
    evidence.push(`outline ${f.outline === "number" ? "number (1, 2, …)" : "letter (a, b, …)"} in the No column`);
    confidence += 0.15;
  }
  if (f.dash && level === "subKegiatan") {
    evidence.push("leading dash");
    confidence += 0.2;
  }
  if (heldColumns.length > 0) {
    evidence.push(`equals the sum of the rows under it (${heldColumns.join(", ")})`);
    confidence += 0.3;
  } else if (sumHolds && level === "subKegiatan") {
    evidence.push("its kegiatan equals the sum of its rows");
    confidence += 0.2;
  }
  if (evidence.length === 0) evidence.push("position between kegiatan rows");
  return { level, confidence: Math.round(Math.min(0.98, Math.max(0.3, confidence)) * 100) / 100, evidence };
}

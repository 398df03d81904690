/** Shared by the generate tests: map a workbook's bytes and build a Tabel 3.3 plan from it. */
import * as fs from "fs";
import * as path from "path";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import type { MappedWorkbook } from "../../src/domain/mapping/types";
import type { SheetPlan } from "../../src/domain/plan";
import { buildTabel33, isBuildError, type Tabel33Options } from "../../src/domain/tables";
import { openXlsxHost } from "../../src/xlsx";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";

export function fixtureBytes(name: keyof typeof FIXTURE_FILES): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES[name])));
}

export async function mapBytes(bytes: Uint8Array): Promise<MappedWorkbook> {
  const host = await openXlsxHost(bytes, "book.xlsx");
  return mapWorkbook(await host.readAllSnapshots({ styles: true }));
}

export async function tabel33Plan(bytes: Uint8Array, opts: Partial<Tabel33Options> = {}): Promise<SheetPlan> {
  const workbook = await mapBytes(bytes);
  const plan = buildTabel33(workbook, { existingSheets: workbook.sheets.map((s) => s.name), ...opts });
  if (isBuildError(plan)) throw new Error(plan.error.en);
  return plan;
}

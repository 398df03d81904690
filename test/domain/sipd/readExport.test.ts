/** Recognising SIPD-RI exports by header text, on hand-made sheets (the real files: readExport.data.test.ts). */
import { isReadFailure, readSipdExport, sameSources, sourceKinds, chooseUnit } from "../../../src/domain/sipd";
import type { SipdExport } from "../../../src/domain/sipd";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { render } from "../../../src/domain/messages";

function read(...sheets: ReturnType<typeof snapshotFromGrid>[]): SipdExport {
  const exp = readSipdExport(sheets, "ekspor.xlsx");
  if (isReadFailure(exp)) throw new Error(render(exp.error, "en"));
  return exp;
}

const IV3 = (unitTitle: string, rows: (string | number | null)[][]) =>
  snapshotFromGrid(unitTitle.slice(0, 20), [
    [unitTitle],
    [],
    ["Kode", "Urusan / Bidang Urusan / Program / Kegiatan / Sub Kegiatan", "Indikator", "Target", "Pagu Indikatif (Rp)", "Prakiraan Maju"],
    ...rows,
  ]);

describe("readSipdExport", () => {
  it("reads a Tabel IV.3 (Ringkasan KUA-PPAS) per unit sheet: sen kept, N+1, names of parents, subtotals not summed", () => {
    const exp = read(
      IV3("8.01.0.00.0.00.01.0000 Badan Kesatuan Bangsa dan Politik", [
        ["8", "UNSUR PEMERINTAHAN UMUM", null, null, 173345080.68, null],
        ["8.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", null, null, 173345080.68, null],
        ["8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", null, null, 173345080.68, null],
        ["8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen", "2 Dokumen", 86672540.34, 90000000],
        ["8.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Jumlah Dokumen", "1 Dokumen", "86.672.540,34", 90000000],
      ]),
      IV3("7.01.0.00.0.00.01.0000 Kecamatan Namlea", [["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", null, null, 1500000000, 1600000000]]),
    );
    expect(exp.kind).toBe("tabel-iv3");
    expect(exp.hasN1).toBe(true);
    expect(exp.units.map((u) => [u.kode, u.name, u.paguN.toFixed(), u.paguN1?.toFixed()])).toEqual([
      ["8.01.0.00.0.00.01.0000", "Badan Kesatuan Bangsa dan Politik", "173345080.68", "180000000"],
      ["7.01.0.00.0.00.01.0000", "Kecamatan Namlea", "1500000000", "1600000000"],
    ]);
    const sub = exp.units[0].subKegiatan.get("8.01.01.2.01.0001");
    expect(sub).toMatchObject({ indikator: "Jumlah Dokumen", target: "2 Dokumen", rows: [{ row: 7, cell: "E7" }] });
    expect(sub?.paguN.toFixed()).toBe("86672540.34");
    expect(exp.units[0].names.get("8.01.01.2.01")).toBe("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah");
  });

  it("leaves out a row whose amount cannot be read, and says so", () => {
    const exp = read(
      snapshotFromGrid("SUMBER DANA PER SUBKEGIATAN", [
        ["Kode", "Sub Kegiatan", "Kode Sumber Dana", "Sumber Dana", "Pagu Indikatif (Rp)", "Nama OPD"],
        ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "1", "Dana Transfer Umum-Dana Alokasi Umum", "4.765,000", "Kecamatan Namlea"],
        ["7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "-", "-", 0, "Kecamatan Namlea"],
      ]),
    );
    expect(exp.skipped).toEqual([{ sheet: "SUMBER DANA PER SUBKEGIATAN", row: 2, reason: "unreadable-amount" }]);
    expect([...exp.units[0].subKegiatan.keys()]).toEqual(["7.01.01.2.06.0004"]);
    expect(exp.units[0].subKegiatan.get("7.01.01.2.06.0004")?.sumberDana.size).toBe(0);
  });

  it("refuses a workbook that is no SIPD export, naming its sheets", () => {
    const r = readSipdExport([snapshotFromGrid("Tabel 3.3", [["KODE", "Program/Kegiatan", "Pagu Indikatif"]])], "renja.xlsx");
    expect(isReadFailure(r) && render(r.error, "id")).toContain('"Tabel 3.3"');
  });
});

describe("sumber dana", () => {
  it.each([
    ["DAU", ["Dana Transfer Umum-Dana Alokasi Umum"], true],
    ["DAU", ["DAU yang Ditentukan Penggunaannya Bidang Pendidikan"], true],
    ["DAK", ["DAK Fisik-Bidang Pendidikan-Reguler-SD"], true],
    ["DAK Non Fisik", ["DAK Fisik-Bidang Pendidikan-Reguler-SD"], false],
    ["DAU, DAK Fisik", ["DAU yang Ditentukan Penggunaannya Bidang Pendidikan", "DAK Fisik-Bidang Pendidikan-Reguler-SD"], true],
    ["DAU", ["DAU yang Ditentukan Penggunaannya Bidang Pendidikan", "DAK Fisik-Bidang Pendidikan-Reguler-SD"], false],
    ["PAD", ["Dana Transfer Umum-Dana Alokasi Umum"], false],
    ["PAD", ["Retribusi Pelayanan Kesehatan yang merupakan Hasil klaim kepada BPJS"], true],
    ["APBD", ["Dana Transfer Umum-Dana Alokasi Umum"], undefined],
    ["BOK", ["DAK Non Fisik-Dana BOK-BOK Puskesmas"], true],
  ] as const)("%s vs %j -> %s", (plan, sipd, same) => {
    expect(sameSources(plan, sipd)).toBe(same);
  });

  it("names no kind in text it does not know", () => {
    expect([...sourceKinds("APBD Kabupaten")]).toEqual([]);
  });
});

describe("chooseUnit", () => {
  const exp = read(
    snapshotFromGrid("SUB KEGIATAN", [
      ["Kode", "Sub Kegiatan", "Nilai", "Kode SKPD", "Nama SKPD"],
      ["1.02.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 5, "1.02.0.00.0.00.01.0000", "Dinas Kesehatan"],
      ["1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", 5, "1.02.0.00.0.00.01.0001", "Puskesmas Namlea"],
      ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 5, "7.01.0.00.0.00.01.0000", "Kecamatan Namlea"],
    ]),
  );
  const name = (c: ReturnType<typeof chooseUnit>) => ("unit" in c ? `${c.by}:${c.unit.name}` : render(c.error, "en"));

  it("takes the unit a title names, the longest name first", () => {
    expect(name(chooseUnit(exp, { titles: ["RENCANA KERJA DAN PENDANAAN KANTOR KEC. NAMLEA TAHUN 2024"] }))).toBe("title:Kecamatan Namlea");
    expect(name(chooseUnit(exp, { titles: ["Renja Puskesmas Namlea Dinas Kesehatan 2024"] }))).toBe("title:Puskesmas Namlea");
    expect(name(chooseUnit(exp, { titles: ["Renja 1.02.0.00.0.00.01.0000 2024"] }))).toBe("title:Dinas Kesehatan");
  });

  it("takes --skpd by kode or name, and says which units there are when it names none or several", () => {
    expect(name(chooseUnit(exp, { skpd: "kecamatan namlea", titles: ["Dinas Kesehatan"] }))).toBe("skpd:Kecamatan Namlea");
    expect(name(chooseUnit(exp, { skpd: "1.02.0.00.0.00.01.0001" }))).toBe("skpd:Puskesmas Namlea");
    expect(name(chooseUnit(exp, { skpd: "Namlea" }))).toMatch(/^SKPD "Namlea" matches more than one unit/);
    expect(name(chooseUnit(exp, { titles: ["RENJA 2024"] }))).toMatch(/^No table title names an SKPD of ekspor.xlsx \(3 units\)/);
  });
});

describe("readSipdExport on a Renja table", () => {
  it("does not take a Tabel 7 for a Tabel IV.3: no unit named by its SKPD kode above the header", () => {
    const renja = snapshotFromGrid("Tabel 7", [
      ["RENCANA KERJA DAN PENDANAAN KECAMATAN NAMLEA TAHUN 2024"],
      ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target", "Pagu Indikatif (Rp)", "Sumber Dana"],
      ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", null, null, null, 5, "DAU"],
    ]);
    expect(isReadFailure(readSipdExport([renja], "renja.xlsx"))).toBe(true);
  });
});

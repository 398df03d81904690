/**
 * Done-when 1 of issue 13: each real SIPD-RI export of ../shared/data/sipd/ is recognised by its header text and
 * aggregated per unit and sub kegiatan. The figures were computed by a separate script (ExcelJS, fixed column
 * numbers, Decimal sums; not this code) from the files themselves.
 */
import { isReadFailure, readSipdExport } from "../../../src/domain/sipd";
import type { SipdExport, SipdUnit } from "../../../src/domain/sipd";
import { SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../../support/sipdData";
import { render } from "../../../src/domain/messages";

const missing = sipdDataMissing();
if (missing) console.log(`SKIPPED SIPD data tests: ${missing}.`);
const describeData = missing ? describe.skip : describe;

async function read(file: string): Promise<SipdExport> {
  const exp = readSipdExport(await sipdSnapshots(file), file);
  if (isReadFailure(exp)) throw new Error(render(exp.error, "en"));
  return exp;
}

function unit(exp: SipdExport, name: string): SipdUnit {
  const found = exp.units.filter((u) => u.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describeData("real SIPD-RI exports (Kabupaten Buru 2024)", () => {
  it("rekap.xlsx: one row per rekening, summed per SKPD (sub units included) and per sub unit", async () => {
    const exp = await read(SIPD_FILES.rekap);
    expect(exp.kind).toBe("rekap");
    expect(exp.sheets).toEqual(["Sheet 1"]);
    expect(exp.hasN1).toBe(false);
    const namlea = unit(exp, "Kecamatan Namlea");
    expect(namlea.kode).toBe("7.01.0.00.0.00.01.0000");
    expect(namlea.paguN.toFixed()).toBe("2043702355");
    expect(namlea.subKegiatan.size).toBe(25);
    const gaji = namlea.subKegiatan.get("7.01.01.2.02.0001");
    expect(gaji?.paguN.toFixed()).toBe("1773764355");
    expect(gaji?.rows).toHaveLength(11);
    expect([...(gaji?.sumberDana.keys() ?? [])]).toEqual(["Dana Transfer Umum-Dana Alokasi Umum"]);
    expect(namlea.names.get("7.01.01.2.02")).toBe("Administrasi Keuangan Perangkat Daerah");

    const dinkes = unit(exp, "Dinas Kesehatan");
    expect(dinkes.paguN.toFixed()).toBe("137330347356");
    expect(dinkes.subKegiatan.size).toBe(108);
    expect(unit(exp, "Puskesmas Namlea")).toMatchObject({ parent: "Dinas Kesehatan" });
    expect(unit(exp, "Puskesmas Namlea").paguN.toFixed()).toBe("2765570104");
    expect(unit(exp, "RSUD Namlea").paguN.toFixed()).toBe("54594826874");

    const dikbud = unit(exp, "Dinas Pendidikan dan Kebudayaan");
    expect(dikbud.paguN.toFixed()).toBe("269305182336");
    expect(dikbud.subKegiatan.size).toBe(124);
    expect(dikbud.subKegiatan.get("1.01.02.2.01.0006")?.paguN.toFixed()).toBe("3588875400");

    const kesbang = unit(exp, "Badan Bina Kesatuan Bangsa dan Politik");
    expect(kesbang.paguN.toFixed()).toBe("41923625166");
    expect(kesbang.subKegiatan.size).toBe(38);
    expect(kesbang.subKegiatan.get("8.01.01.2.09.0009")?.paguN.toFixed()).toBe("63040000");
    // 42 SKPD (the README's count) and 24 sub units of theirs
    expect(exp.units.filter((u) => u.parent === undefined)).toHaveLength(42);
    expect(exp.units.filter((u) => u.parent !== undefined)).toHaveLength(24);
  });

  it("PAGU-OPD-APBD-MURNI-2024.xlsx: sumber dana per sub kegiatan, per OPD; X.XX kodes completed with the unit's bidang", async () => {
    const exp = await read(SIPD_FILES.sumberDana);
    expect(exp.kind).toBe("sumber-dana");
    // the other sheets (per OPD, gaji) have no sub kegiatan kode and are not read
    expect(exp.sheets).toEqual(["SUMBER DANA PER SUBKEGIATAN"]);
    const dikbud = unit(exp, "Dinas Pendidikan dan Kebudayaan");
    expect(dikbud.paguN.toFixed()).toBe("268712602536");
    const rehab = dikbud.subKegiatan.get("1.01.02.2.01.0009");
    expect(rehab?.paguN.toFixed()).toBe("695455857");
    expect([...(rehab?.sumberDana ?? [])].map(([n, v]) => [n, v.toFixed()])).toEqual([
      ["DAU yang Ditentukan Penggunaannya Bidang Pendidikan", "180000000"],
      ["DAK Fisik-Bidang Pendidikan-Reguler-SD", "515455857"],
    ]);
    expect(unit(exp, "Dinas Kesehatan").paguN.toFixed()).toBe("62397237027");
    expect(unit(exp, "Kecamatan Waelata").paguN.toFixed()).toBe("1363929425");
    const airbuaya = unit(exp, "Puskesmas Airbuaya");
    expect(airbuaya.paguN.toFixed()).toBe("1631398353");
    expect(airbuaya.subKegiatan.get("1.02.01.2.06.0004")?.paguN.toFixed()).toBe("2941900");
    expect([...airbuaya.subKegiatan.keys()].some((k) => k.startsWith("X."))).toBe(false);
    // the grand total under the table (row 2253, no kode) is not summed into any unit
    expect(exp.skipped).toEqual([{ sheet: "SUMBER DANA PER SUBKEGIATAN", row: 2253, reason: "no-kode" }]);
  });

  it("KUAPPAS-SUBKEGIATAN-9-10-2023.xlsx: the KUA-PPAS list, every Nilai 0 at that stage", async () => {
    const exp = await read(SIPD_FILES.kuaPpas);
    expect(exp.kind).toBe("kua-ppas");
    expect(exp.units).toHaveLength(53);
    expect(unit(exp, "Kecamatan Namlea").subKegiatan.size).toBe(25);
    expect(unit(exp, "Dinas Kesehatan").subKegiatan.size).toBe(95);
    expect(unit(exp, "Badan Bina Kesatuan Bangsa dan Politik").subKegiatan.size).toBe(38);
    expect(exp.units.every((u) => u.paguN.isZero())).toBe(true);
  });
});

/**
 * The user-facing failures of the .xlsx host, each with its message in Bahasa Indonesia and English.
 * Messages say what to do next; they never carry a library's exception text or a stack trace.
 */
import { HostError } from "../domain/host";

const SAVE_AS_XLSX_ID = "Buka berkas di Excel, pilih File > Simpan Sebagai > Buku Kerja Excel (*.xlsx), lalu coba lagi.";
const SAVE_AS_XLSX_EN = "Open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and try again.";

export function emptyFileError(fileName: string): HostError {
  return new HostError("empty-file", {
    id: `Berkas ${fileName} kosong (0 bita). Pilih berkas buku kerja Excel (.xlsx) yang berisi data.`,
    en: `The file ${fileName} is empty (0 bytes). Choose an Excel workbook (.xlsx) that holds data.`,
  });
}

/** Encrypted, but its EncryptionInfo cannot be judged (an unknown scheme, or no Web Crypto): both ways out. */
export function encryptedError(fileName: string): HostError {
  return new HostError("encrypted", {
    id:
      `Berkas ${fileName} terenkripsi: dengan kata sandi, atau dengan perlindungan bawaan Excel yang terbuka tanpa ` +
      "kata sandi. Buka di Excel atau LibreOffice; bila terbuka tanpa meminta kata sandi, simpan salinan biasa " +
      "(File > Simpan Sebagai > Buku Kerja Excel .xlsx); bila meminta kata sandi, hapus kata sandinya " +
      "(File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi.",
    en:
      `The file ${fileName} is encrypted: with a password, or with Excel's default protection that opens without ` +
      "one. Open it in Excel or LibreOffice; if it opens without asking for a password, save a plain copy " +
      "(File > Save As > Excel Workbook .xlsx); if it asks for one, remove the password " +
      "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.",
  });
}

/** Encrypted with Excel's built-in password "VelvetSweatshop": Excel and LibreOffice open it without asking. */
export function defaultPasswordEncryptedError(fileName: string): HostError {
  return new HostError("encrypted", {
    id:
      `Berkas ${fileName} terenkripsi hanya dengan perlindungan bawaan Excel (tanpa kata sandi pengguna), ` +
      "sehingga tidak dapat dibaca langsung. Buka di Excel atau LibreOffice (terbuka tanpa meminta kata sandi), " +
      "simpan salinan biasa tanpa kata sandi (File > Simpan Sebagai > Buku Kerja Excel .xlsx), lalu coba lagi " +
      "dengan salinan itu.",
    en:
      `The file ${fileName} is encrypted only with Excel's built-in protection (no user password), ` +
      "so it cannot be read directly. Open it in Excel or LibreOffice (it opens without asking for a password), " +
      "save a plain copy without a password (File > Save As > Excel Workbook .xlsx), and try again with that copy.",
  });
}

/** Encrypted with a password of its own: only someone who knows it can remove it. */
export function passwordEncryptedError(fileName: string): HostError {
  return new HostError("encrypted", {
    id:
      `Berkas ${fileName} terenkripsi dengan kata sandi. Buka di Excel dengan kata sandinya, hapus kata sandinya ` +
      "(File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi.",
    en:
      `The file ${fileName} is encrypted with a password. Open it in Excel with its password, remove the password ` +
      "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.",
  });
}

export function legacyXlsError(fileName: string): HostError {
  return new HostError("legacy-xls", {
    id: `Berkas ${fileName} berformat Excel lama (.xls, Excel 97–2003). ${SAVE_AS_XLSX_ID}`,
    en: `The file ${fileName} is in the old Excel format (.xls, Excel 97–2003). ${SAVE_AS_XLSX_EN}`,
  });
}

export function notXlsxError(fileName: string, what?: { id: string; en: string }): HostError {
  const idWhat = what ? ` (${what.id})` : "";
  const enWhat = what ? ` (${what.en})` : "";
  return new HostError("not-xlsx", {
    id: `Berkas ${fileName} bukan buku kerja Excel .xlsx${idWhat}. ${SAVE_AS_XLSX_ID}`,
    en: `The file ${fileName} is not an Excel .xlsx workbook${enWhat}. ${SAVE_AS_XLSX_EN}`,
  });
}

export function corruptError(fileName: string): HostError {
  return new HostError("corrupt", {
    id:
      `Berkas ${fileName} rusak atau tidak lengkap (mungkin terpotong saat diunduh atau disalin), ` +
      "sehingga tidak dapat dibaca. Unduh atau salin ulang berkasnya, atau buka di Excel dan simpan ulang.",
    en:
      `The file ${fileName} is damaged or incomplete (perhaps cut short while downloading or copying) ` +
      "and cannot be read. Download or copy it again, or open it in Excel and save it again.",
  });
}

export function badSidecarError(sidecarName: string): HostError {
  return new HostError("corrupt", {
    id:
      `Berkas koreksi pemetaan ${sidecarName} tidak dapat dibaca (bukan JSON pemetaan Renja Cermat yang sah). ` +
      "Perbaiki isinya atau hapus berkas itu, lalu coba lagi.",
    en:
      `The mapping corrections file ${sidecarName} cannot be read (not a valid Renja Cermat mapping JSON). ` +
      "Fix its content or delete that file, and try again.",
  });
}

export function noSidecarWriterError(): HostError {
  return new HostError("io", {
    id: "Koreksi pemetaan tidak dapat disimpan: tempat penyimpanan berkas koreksi tidak tersedia.",
    en: "The mapping corrections cannot be saved: no place to store the corrections file is available.",
  });
}

export function unknownSheetError(sheetName: string): HostError {
  return new HostError("not-found", {
    id: `Lembar "${sheetName}" tidak ada di buku kerja.`,
    en: `The workbook has no sheet named "${sheetName}".`,
  });
}

export function tooLargeError(fileName: string, sheetDataBytes: number, limitBytes: number): HostError {
  const mb = (n: number) => Math.ceil(n / 2 ** 20);
  return new HostError("too-large", {
    id:
      `Berkas ${fileName} terlalu besar untuk diperiksa dengan memori yang tersedia: lembar-lembarnya berisi ` +
      `${mb(sheetDataBytes)} MB data (batasnya sekitar ${mb(limitBytes)} MB). Pisahkan lembar-lembarnya ke beberapa ` +
      "berkas, atau beri Node lebih banyak memori, misalnya NODE_OPTIONS=--max-old-space-size=8192.",
    en:
      `The file ${fileName} is too large to check with the memory available: its sheets hold ` +
      `${mb(sheetDataBytes)} MB of data (the limit is about ${mb(limitBytes)} MB). Split its sheets over several ` +
      "files, or give Node more memory, for example NODE_OPTIONS=--max-old-space-size=8192.",
  });
}

/**
 * Office.js failures turned into HostErrors with messages in both languages. The codes come from
 * OfficeExtension.Error.code (Excel.ErrorCodes); a message never carries Excel's own English text.
 */
import { HostError } from "../domain/host";

const TRY_AGAIN_ID = "Coba lagi.";
const TRY_AGAIN_EN = "Try again.";

/** The Excel error code of a failure, if it has one (OfficeExtension.Error and the test fake both carry `code`). */
export function excelErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = excelErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  switch (excelErrorCode(e)) {
    case "InvalidOperationInCellEditMode":
      return cellEditModeError();
    case "AccessDenied":
      return new HostError("protected", {
        id:
          "Excel menolak perubahan: lembar atau buku kerja diproteksi, atau dibuka hanya-baca. " +
          "Buka proteksinya (Tinjau > Buka Proteksi Lembar) atau simpan salinan yang dapat diedit, lalu coba lagi.",
        en:
          "Excel refused the change: the sheet or workbook is protected, or it is open read-only. " +
          "Unprotect it (Review > Unprotect Sheet) or save an editable copy, and try again.",
      });
    case "ItemNotFound":
      return new HostError("not-found", {
        id: "Lembar atau sel yang dituju tidak ada lagi (mungkin diganti nama atau dihapus). Baca ulang buku kerja, lalu coba lagi.",
        en: "The sheet or cell is no longer there (perhaps renamed or deleted). Read the workbook again, and try again.",
      });
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "ActivityLimitReached":
      return new HostError("too-large", {
        id: "Data terlalu besar untuk satu permintaan ke Excel, bahkan setelah dibagi. Pilih lembar yang lebih kecil atau gunakan Excel desktop.",
        en: "The data is too large for one request to Excel, even after splitting. Choose a smaller sheet or use Excel desktop.",
      });
    case "InvalidArgument":
      return new HostError("io", {
        id: "Excel menolak nilai yang dikirim Renja Cermat (argumen tidak sah). Laporkan kejadian ini bersama berkasnya.",
        en: "Excel refused a value Renja Cermat sent (invalid argument). Please report it with the file.",
      });
    case "ItemAlreadyExists":
      return new HostError("unwritable-cell", {
        id: "Nama yang hendak dibuat sudah ada di buku kerja (lembar atau nama bernama sama). Beri nama lain, lalu coba lagi.",
        en: "The name to be created already exists in the workbook (a sheet or name of that name). Choose another name, and try again.",
      });
    case "FormulaLengthExceedsLimit":
      return new HostError("unwritable-cell", {
        id: "Sebuah rumus terlalu panjang untuk Excel. Pecah tabel menjadi bagian yang lebih kecil, lalu coba lagi.",
        en: "A formula is too long for Excel. Split the table into smaller parts, and try again.",
      });
    case "UnsupportedFillType":
      return new HostError("unwritable-cell", {
        id: "Excel tidak dapat menerapkan jenis isian sel ini (mis. gradasi) lewat add-in. Ubah isiannya secara manual.",
        en: "Excel cannot apply this kind of cell fill (e.g. a gradient) through an add-in. Change the fill by hand.",
      });
    case "ApiNotFound":
      return new HostError("io", {
        id: "Versi Excel ini tidak memiliki fungsi yang diperlukan. Perbarui Office atau gunakan Excel di web, lalu coba lagi.",
        en: "This Excel version lacks a function this needs. Update Office or use Excel on the web, and try again.",
      });
    case "UndoNotSupported":
      return new HostError("io", {
        id: `Excel tidak dapat mengelompokkan perubahan ini untuk Urungkan. ${TRY_AGAIN_ID}`,
        en: `Excel could not group this change for Undo. ${TRY_AGAIN_EN}`,
      });
    default:
      return new HostError("io", {
        id: `Excel sedang sibuk atau mengalami gangguan sementara (mis. "GeneralException"). Tunggu sebentar. ${TRY_AGAIN_ID}`,
        en: `Excel is busy or had a temporary failure (e.g. "GeneralException"). Wait a moment. ${TRY_AGAIN_EN}`,
      });
  }
}

export function cellEditModeError(): HostError {
  return new HostError("cell-edit-mode", {
    id: "Excel sedang dalam mode edit sel. Tekan Enter atau Esc, lalu coba lagi.",
    en: "Excel is in cell-edit mode. Press Enter or Esc, then try again.",
  });
}

export function timeoutError(seconds: number): HostError {
  return new HostError("timeout", {
    id: `Excel tidak menjawab dalam ${seconds} detik (buku kerja besar atau server sibuk). Tekan "Coba lagi".`,
    en: `Excel did not answer within ${seconds} seconds (a large workbook or a busy server). Press "Try again".`,
  });
}

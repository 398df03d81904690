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

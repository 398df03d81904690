/**
 * Office.js failures turned into HostErrors whose texts are the catalogue's "office.*" keys. The codes come from
 * OfficeExtension.Error.code (Excel.ErrorCodes); a message never carries Excel's own English text.
 */
import { HostError } from "../domain/host";
import { count, msg } from "../domain/messages";

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
      return new HostError("protected", msg("office.protected", {}));
    case "ItemNotFound":
      return new HostError("not-found", msg("office.notFound", {}));
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "ActivityLimitReached":
      return new HostError("too-large", msg("office.tooLarge", {}));
    case "InvalidArgument":
      return new HostError("io", msg("office.invalidArgument", {}));
    case "ItemAlreadyExists":
      return new HostError("unwritable-cell", msg("office.alreadyExists", {}));
    case "FormulaLengthExceedsLimit":
      return new HostError("unwritable-cell", msg("office.formulaTooLong", {}));
    case "UnsupportedFillType":
      return new HostError("unwritable-cell", msg("office.unsupportedFill", {}));
    case "ApiNotFound":
      return new HostError("io", msg("office.apiNotFound", {}));
    case "UndoNotSupported":
      return new HostError("io", msg("office.undoNotSupported", {}));
    default:
      return new HostError("io", msg("office.busy", {}));
  }
}

export function cellEditModeError(): HostError {
  return new HostError("cell-edit-mode", msg("office.cellEditMode", {}));
}

export function timeoutError(seconds: number): HostError {
  return new HostError("timeout", msg("office.timeout", { seconds: count(seconds) }));
}

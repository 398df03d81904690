/**
 * What the CLI prints reaches a terminal, and cell text is the user's (or an attacker's) own: a sheet can hold
 * ESC, BEL or OSC sequences (Excel stores them as `_x001B_`), which a terminal would obey — clear the screen,
 * set the window title, write the clipboard (OSC 52). Every control character except line feed and tab is
 * therefore printed as its `\uXXXX` escape. Inside `--json` output the same escape is JSON's own, so the
 * JSON stays valid and means the same (JSON.stringify already escapes C0; this adds DEL and C1).
 */
import type { CliIo } from "./io";

// C0 controls but tab (09) and line feed (0A), DEL, the C1 range, and the bidi overrides/isolates that can
// make a line read differently from what it holds (the "Trojan Source" characters).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"));
}

/**
 * The one control sequence the CLI itself prints: back to the start of the line and erase it, before each
 * progress line on a terminal's stderr. It passes through as it is; everything around it is escaped.
 */
export const ERASE_LINE = "\r\u001b[K";

/** The same io, with everything it prints made safe for a terminal. */
export function terminalSafe(io: CliIo): CliIo {
  const { stdout, stderr } = io;
  return {
    ...io,
    stdout: (text) => stdout(escapeControlCharacters(text)),
    stderr: (text) => stderr(text.split(ERASE_LINE).map(escapeControlCharacters).join(ERASE_LINE)),
  };
}

/** Light or dark from Office's theme: a dark body background means a dark Office theme. */
import type { OfficeThemeColors } from "./bootstrap";

export function isDarkTheme(theme: OfficeThemeColors | undefined): boolean {
  const rgb = parseHexColor(theme?.bodyBackgroundColor);
  if (!rgb) return false;
  // Relative luminance (sRGB weights); below the midpoint the pane switches to the dark theme.
  const [r, g, b] = rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function parseHexColor(text: string | undefined): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(text?.trim() ?? "");
  if (!m) return undefined;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

"use strict";
/**
 * The pane's Content-Security-Policy (a <meta http-equiv> in taskpane.html, so it holds on any web server the
 * office copies dist/addin/ to). Scripts come only from the pane's own origin and Microsoft's Office.js CDN:
 * office.js loads its host-specific parts from appsforoffice.microsoft.com and, in some builds, Microsoft Ajax
 * from ajax.aspnetcdn.com (office-js issue 1005). Nothing inline and no eval: the development build uses a
 * source map without eval for that reason. Styles must allow 'unsafe-inline': Fluent UI (Griffel) and
 * Excel on the web's own script insert <style> elements at run time (office-js issue 1687).
 * The workbook never leaves the page: connect-src is the pane's origin (the sample workbook, a bundled
 * nomenclature list) and, in development, the dev server's live-reload socket.
 * frame-ancestors cannot be set from a <meta>; Excel on the web frames the pane, so it is left open anyway.
 */
const OFFICE_SCRIPT_ORIGINS = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];

function contentSecurityPolicy({ devServerPort } = {}) {
  const live = devServerPort ? [`ws://localhost:${devServerPort}`, `wss://localhost:${devServerPort}`] : [];
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...OFFICE_SCRIPT_ORIGINS],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...live],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

module.exports = { contentSecurityPolicy, OFFICE_SCRIPT_ORIGINS };

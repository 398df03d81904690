"use strict";
/**
 * The manifest is written for the dev server (https://localhost:3000/); a production build swaps that origin
 * for the office's own HTTPS address, given as ADDIN_BASE_URL. Shared by webpack.config.js and the tests.
 */

const DEV_BASE_URL = "https://localhost:3000/";

/** The base address with exactly one trailing slash; throws with a readable message when it cannot be used. */
function normaliseBaseUrl(value) {
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL bukan alamat yang sah / is not a valid URL: "${value}"`);
  }
  // Office loads add-in pages only over HTTPS.
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL harus https:// / must use https: "${value}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL tanpa ?query atau #fragmen / must have no query or fragment: "${value}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest text with every dev-server address moved under `baseUrl`. */
function rewriteManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(base);
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest };

/** 40 bits of two FNV-1a hashes as 10 hex digits: short enough to print or store in a name, collisions negligible. */
export function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + ((b >>> 0) & 0xff).toString(16).padStart(2, "0");
}

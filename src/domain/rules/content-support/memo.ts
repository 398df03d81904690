/**
 * A bounded memo for pure text functions. Kabupaten workbooks repeat the same texts thousands of times
 * (targets "100%", "12 dokumen"; the same nomenclature in 40 units), and the content rules read every row.
 */
export function memoize<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}

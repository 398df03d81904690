/**
 * Values by sheet row for the rows of one table, in an array: a table's rows lie in one block of the sheet, and a
 * kabupaten-scale table has 100,000 of them, where a Map keyed by row number spends most of its time hashing.
 * A row outside the block (a parent link to a row that is not in the table) goes to a Map.
 */
export class RowIndex<T> {
  private readonly values: Array<T | undefined>;
  private readonly first: number;
  private outside: Map<number, T> | undefined;

  constructor(rows: ReadonlyArray<{ row: number }>) {
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i].row;
      if (r < first) first = r;
      if (r > last) last = r;
    }
    this.first = rows.length > 0 ? first : 0;
    this.values = new Array<T | undefined>(rows.length > 0 ? last - first + 1 : 0).fill(undefined);
  }

  get(row: number): T | undefined {
    const i = row - this.first;
    return i >= 0 && i < this.values.length ? this.values[i] : this.outside?.get(row);
  }

  set(row: number, value: T): void {
    const i = row - this.first;
    if (i >= 0 && i < this.values.length) this.values[i] = value;
    else (this.outside ??= new Map()).set(row, value);
  }
}

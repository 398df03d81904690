/**
 * ESLint-style RuleTester: valid cases must produce no finding of the rule; invalid cases must produce exactly
 * the listed findings (each produced finding matched field by field against the expected one, in cell order).
 */
import type { Finding } from "../../src/domain/findings";
import { LANGS, render, renderAll, type Phrase } from "../../src/domain/messages";
import type { MappedWorkbook } from "../../src/domain/mapping/types";
import type { Rule, RuleOptions } from "../../src/domain/rules/types";

export interface ValidCase {
  name: string;
  workbook: MappedWorkbook;
  options?: RuleOptions;
}

export interface InvalidCase extends ValidCase {
  /** Every finding the rule must produce, no more, no fewer; each is matched with toMatchObject. */
  findings: Array<Partial<Omit<Finding, "message" | "suggestion">> & { message?: Partial<Phrase>; suggestion?: { value?: string; reason?: string } }>;
}

/**
 * A finding as its texts read: the message rendered through the catalogue in both languages and the
 * suggestion's reason in Indonesian, so the cases state what a user reads.
 */
export function rendered(f: Finding): Omit<Finding, "message" | "suggestion"> & { message: Phrase; suggestion?: { value: string; reason: string } } {
  const { message, suggestion, ...rest } = f;
  return { ...rest, message: renderAll(message), ...(suggestion ? { suggestion: { value: suggestion.value, reason: render(suggestion.reason, "id") } } : {}) };
}

function order(a: { row?: number; cell?: string }, b: { row?: number; cell?: string }): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? "").length - (b.cell ?? "").length || (a.cell ?? "").localeCompare(b.cell ?? "");
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it("has messages in both languages", () => {
      expect(rule.meta.description.key).toBe(`rule.description.${rule.meta.id}`);
      for (const lang of LANGS) expect(render(rule.meta.description, lang).length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = rule.check(c.workbook, c.options ?? {}).filter((f) => f.rule === rule.meta.id);
        expect(found).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = rule.check(c.workbook, c.options ?? {}).sort(order).map(rendered);
        const expected = [...c.findings].sort(order);
        expect(found.map((f) => `${f.rule}@${f.cell}`)).toEqual(expected.map((f) => `${f.rule ?? rule.meta.id}@${f.cell}`));
        found.forEach((f, i) => {
          expect(f).toMatchObject({ rule: rule.meta.id, ...expected[i] });
          expect(f.message.id.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        });
      });
    }
  });
}

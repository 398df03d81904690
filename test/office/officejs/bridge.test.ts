/**
 * The bridge itself: the Office tests in this folder really run through Microsoft's client, whose requests are
 * RichApi JSON replayed onto the fake, answered in the real response format.
 */
import "./useOfficeJs";
import { FakeWorkbook } from "../fakeExcel";
import { officeJsClient, type RequestBody } from "../officeJs";

describe("Microsoft's Office.js client over the fake", () => {
  it("builds real RichApi requests, reads back loaded values, and sends the end-of-run cleanup request", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1, "dua"], [3, { value: 7, formula: "A1+A2+3" }]]);
    const bodies: RequestBody[] = [];
    // A copy: the client rewrites its object paths once Excel answers with reference ids.
    fake.onRequest = (body) => bodies.push(JSON.parse(JSON.stringify(body)) as RequestBody);
    const { Excel } = officeJsClient();
    const values = await fake.environment().run({}, async (ctx) => {
      expect(ctx).toBeInstanceOf(Excel.RequestContext);
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.load("values,formulas");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(values).toEqual({ values: [[1, "dua"], [3, 7]], formulas: [[1, "dua"], [3, "=A1+A2+3"]] });
    const paths = Object.values(bodies[0].ObjectPaths).map((p) => p.Name);
    expect(paths).toEqual(expect.arrayContaining(["Worksheets", "GetRange"]));
    expect(bodies[0].Actions.map((a) => a.Name)).toContain("_KeepReference");
    expect(bodies).toHaveLength(2);
    expect(bodies[1].Actions.map((a) => a.Name)).toContain("_RemoveReference");
    expect(fake.cleanupSyncs).toBe(1);
  });

  it("raises the client's own PropertyNotLoaded and the fake's Excel errors as RichApi errors", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    const run = fake.environment().run;
    await expect(
      run({}, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        await ctx.sync();
        return r.formulas;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded", name: "RichApi.Error" });
    await expect(
      run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Tidak Ada").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
  });
});

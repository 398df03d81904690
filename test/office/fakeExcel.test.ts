/**
 * The fake must refuse what Excel refuses; otherwise the host tests prove nothing.
 */
import { FakeWorkbook, cellWrites } from "./fakeExcel";

async function inRun<T>(fake: FakeWorkbook, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.environment().run({}, batch);
}

describe("the recording fake of Excel", () => {
  it("throws PropertyNotLoaded for a property that was never loaded", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["a"]]);
    await expect(
      inRun(fake, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        await ctx.sync();
        return r.formulas;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("throws PropertyNotLoaded for a loaded property read before context.sync()", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["a"]]);
    await expect(
      inRun(fake, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("fails a sync whose response is over 5 MB, and one whose request is", async () => {
    const fake = new FakeWorkbook();
    const long = "x".repeat(600);
    fake.addSheet("S", Array.from({ length: 10_000 }, () => [long]));
    await expect(
      inRun(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A10000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(
      inRun(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("B1:B10000").values = Array.from({ length: 10_000 }, () => [long]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("S", "B1")).toBeUndefined();
  });

  it("parses strings written through the API as typed, unless the cell is Text or the text is quote-prefixed", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[{ value: null, numFmt: "@" }]]);
    await inRun(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:D1").formulas = [["=1+1", "=1+1", "12", "'12"]];
      await ctx.sync();
    });
    expect(fake.cell("S", "A1")).toMatchObject({ value: "=1+1" });
    expect(fake.cell("S", "B1")).toMatchObject({ formula: "1+1" });
    expect(fake.cell("S", "C1")).toMatchObject({ value: 12 });
    expect(fake.cell("S", "D1")).toMatchObject({ value: "12" });
  });

  it("refuses writes to a protected sheet with AccessDenied and applies none of the batch", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Open", [[1]]);
    fake.addSheet("Locked", [[1]], { protected: true });
    await expect(
      inRun(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("Open").getRange("A1").values = [[2]];
        ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.cell("Open", "A1")?.value).toBe(1);
    expect(cellWrites(fake)).toEqual([]);
  });

  it("injects cell-edit mode and answers isSetSupported by the configured version", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    fake.cellEditMode = true;
    await expect(inRun(fake, (ctx) => ctx.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    fake.apiVersion = "1.9";
    expect(fake.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(fake.isSetSupported("ExcelApi", "1.20")).toBe(false);
  });

  it("lists merges only when their top-left cell lies inside the queried range (office-js#3611)", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]], { merges: [{ top: 1, left: 1, bottom: 2, right: 3 }] });
    const found = await inRun(fake, async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("S").getRange("B2:D4").getMergedAreasOrNullObject();
      areas.load("areas/items/rowIndex");
      await ctx.sync();
      return areas.isNullObject;
    });
    expect(found).toBe(true);
  });
});

describe("the fake's Excel enums", () => {
  it("refuses alignment, border and page-layout values Excel does not know", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("S", [[1]]);
    const tries: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").format.borders.getItem("EdgeTop").weight = "Thinnest" as Excel.BorderWeight),
      (ctx) => (ctx.workbook.worksheets.getItem("S").pageLayout.paperSize = "F4" as Excel.PaperType),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A1").format.fill.pattern = "LinearGradient"),
    ];
    for (const t of tries) {
      await expect(
        inRun(fake, async (ctx) => {
          t(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(fake.cell("S", "A1")).toEqual({ value: 1 });
  });
});

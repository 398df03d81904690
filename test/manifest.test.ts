/**
 * Offline check of manifest.xml (`office-addin-manifest validate` posts the file to a Microsoft service):
 * element order as the XSD demands, unique ids, every resid defined with the right kind of resource, every
 * address under the hosting origin, icon files present at their declared pixel sizes, the shared runtime wiring
 * and the ribbon's function names.
 */
import * as fs from "fs";
import * as path from "path";
import { attr, childElements, elementText, rootElement, scanTags, tagAttributes, type XmlElement, type XmlTag } from "../src/xlsx/patch/xml";
import { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest } from "../scripts/manifest-url";
import { COMMAND_IDS } from "../src/commands/commands";

const ROOT = path.join(__dirname, "..");
const MANIFEST_TEXT = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The ribbon functions src/commands registers with Office.actions.associate (agreed with the task pane engineer). */
const FUNCTION_NAMES = ["validasi", "hitungUlang", "buatTabel33"];

interface Node {
  local: string;
  name: string;
  attrs: Map<string, string>;
  text: string;
  children: Node[];
}

function toNode(xml: string, tags: readonly XmlTag[], el: XmlElement): Node {
  return {
    local: el.open.local,
    name: el.open.name,
    attrs: tagAttributes(xml, el.open),
    text: elementText(xml, el).trim(),
    children: childElements(tags, el).map((c) => toNode(xml, tags, c)),
  };
}

function parse(xml: string): Node {
  const tags = scanTags(xml);
  return toNode(xml, tags, rootElement(tags));
}

function walk(node: Node, visit: (n: Node, parent: Node | undefined) => void, parent?: Node): void {
  visit(node, parent);
  for (const c of node.children) walk(c, visit, node);
}

function all(node: Node, local: string): Node[] {
  const found: Node[] = [];
  walk(node, (n) => {
    if (n.local === local) found.push(n);
  });
  return found;
}

function only(node: Node, local: string): Node {
  const found = all(node, local);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
}

function child(node: Node, local: string): Node | undefined {
  return node.children.find((c) => c.local === local);
}

/** Local names out of the XSD's sequence order (or unknown to it) among `node`'s children. */
function orderProblems(node: Node, order: readonly string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const c of node.children) {
    const at = order.indexOf(c.local);
    if (at < 0) problems.push(`<${c.name}> is not a child the schema allows in <${node.name}>`);
    else if (at < last) problems.push(`<${c.name}> comes after <${order[last]}> in <${node.name}>`);
    else last = at;
  }
  return problems;
}

// Sequences from the add-in manifest XSD (learn.microsoft.com …/develop/manifest-element-ordering).
const OFFICE_APP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "AllowSnapshot", "Dictionary", "VersionOverrides", "ExtendedOverrides",
];
const VERSION_OVERRIDES_ORDER = ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "WebApplicationInfo"];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"];
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const GET_STARTED_ORDER = ["Title", "Description", "LearnMoreUrl"];
const GROUP_ORDER = ["Label", "Icon", "Control"];
const CONTROL_ORDER = ["Label", "Supertip", "Icon", "Action"];
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];

const manifest = parse(MANIFEST_TEXT);

/** Resource ids by kind: "Images", "Urls", "ShortStrings", "LongStrings". */
function resources(root: Node): Map<string, Map<string, Node>> {
  const byKind = new Map<string, Map<string, Node>>();
  for (const kind of only(root, "Resources").children) {
    byKind.set(kind.local, new Map(kind.children.map((r) => [r.attrs.get("id") ?? "", r])));
  }
  return byKind;
}

/** Which resource kind a resid must name, from the element that carries it. */
function residKind(node: Node, parent: Node | undefined): string {
  if (node.local === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(node.local)) return "Urls";
  if (node.local === "Label") return "ShortStrings";
  if (node.local === "Title") return "ShortStrings";
  if (node.local === "Description") return "LongStrings";
  throw new Error(`resid on an element this test does not know: <${node.name}> in <${parent?.name}>`);
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The repository file an address under the dev origin serves (webpack copies assets/ as is). */
function fileForUrl(url: string): string {
  return path.join(ROOT, url.slice(DEV_BASE_URL.length));
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel that reads and writes the workbook", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.attrs.get("xsi:type")).toBe("TaskPaneApp");
    expect(only(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(manifest, "Hosts")?.children.map((h) => h.attrs.get("Name"))).toEqual(["Workbook"]);
    expect(only(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(only(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("keeps the element order the XSD requires", () => {
    const problems = [...orderProblems(manifest, OFFICE_APP_ORDER)];
    const overrides = only(manifest, "VersionOverrides");
    problems.push(...orderProblems(overrides, VERSION_OVERRIDES_ORDER));
    for (const host of child(overrides, "Hosts")?.children ?? []) problems.push(...orderProblems(host, HOST_ORDER));
    for (const desktop of all(manifest, "DesktopFormFactor")) problems.push(...orderProblems(desktop, DESKTOP_ORDER));
    for (const start of all(manifest, "GetStarted")) problems.push(...orderProblems(start, GET_STARTED_ORDER));
    for (const group of all(manifest, "Group")) problems.push(...orderProblems(group, GROUP_ORDER));
    for (const control of all(manifest, "Control")) problems.push(...orderProblems(control, CONTROL_ORDER));
    problems.push(...orderProblems(only(manifest, "Resources"), RESOURCES_ORDER));
    expect(problems).toEqual([]);
  });

  it("the order check notices an element out of place", () => {
    const swapped = parse(MANIFEST_TEXT.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>[^<]*<\/Permissions>)/, "$3$2$1"));
    expect(orderProblems(swapped, OFFICE_APP_ORDER)).toEqual(["<DefaultSettings> comes after <Permissions> in <OfficeApp>"]);
  });

  it("requires ExcelApi 1.13 and the shared runtime", () => {
    const sets = all(only(manifest, "Requirements"), "Set").map((s) => `${s.attrs.get("Name")} ${s.attrs.get("MinVersion")}`);
    expect(sets.sort()).toEqual(["ExcelApi 1.13", "SharedRuntime 1.1"]);
    // Requirements inside VersionOverrides would gate only the ribbon; the floor must hide the whole add-in.
    expect(child(manifest, "Requirements")).toBeDefined();
  });

  it("runs the pane and the ribbon commands in one long-lived runtime", () => {
    const runtime = only(manifest, "Runtime");
    expect(runtime.attrs.get("lifetime")).toBe("long");
    const page = runtime.attrs.get("resid");
    expect(only(manifest, "FunctionFile").attrs.get("resid")).toBe(page);
    const showTaskpane = all(manifest, "Action").filter((a) => a.attrs.get("xsi:type") === "ShowTaskpane");
    expect(showTaskpane).toHaveLength(1);
    expect(child(showTaskpane[0], "SourceLocation")?.attrs.get("resid")).toBe(page);
    // Under the shared runtime none of the actions may name a TaskpaneId (Microsoft's shared-runtime guidance).
    expect(all(manifest, "TaskpaneId")).toEqual([]);
    const pageUrl = resources(manifest).get("Urls")?.get(page ?? "")?.attrs.get("DefaultValue");
    expect(only(child(manifest, "DefaultSettings") as Node, "SourceLocation").attrs.get("DefaultValue")).toBe(pageUrl);
    expect(pageUrl).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  it("puts a Renja Cermat group on the Home tab: Buka Panel, Validasi, Hitung Ulang, Buat Tabel 3.3", () => {
    const tab = only(manifest, "OfficeTab");
    expect(tab.attrs.get("id")).toBe("TabHome");
    const group = only(tab, "Group");
    const strings = resources(manifest).get("ShortStrings");
    const label = (n: Node) => strings?.get(child(n, "Label")?.attrs.get("resid") ?? "")?.attrs.get("DefaultValue");
    expect(label(group)).toBe("Renja Cermat");
    const controls = group.children.filter((c) => c.local === "Control");
    expect(controls.map(label)).toEqual(["Buka Panel", "Validasi", "Hitung Ulang", "Buat Tabel 3.3"]);
    const actions = controls.map((c) => child(c, "Action") as Node);
    expect(actions.map((a) => a.attrs.get("xsi:type"))).toEqual(["ShowTaskpane", "ExecuteFunction", "ExecuteFunction", "ExecuteFunction"]);
    expect(actions.slice(1).map((a) => child(a, "FunctionName")?.text)).toEqual(FUNCTION_NAMES);
  });

  it("gives every id once", () => {
    const seen = new Map<string, number>();
    walk(manifest, (n) => {
      const id = n.attrs.get("id");
      if (id !== undefined) seen.set(id, (seen.get(id) ?? 0) + 1);
    });
    expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
  });

  it("defines every resid, as the kind of resource its element needs", () => {
    const byKind = resources(manifest);
    const missing: string[] = [];
    let checked = 0;
    walk(manifest, (n, parent) => {
      const resid = n.attrs.get("resid");
      if (resid === undefined) return;
      checked++;
      const kind = residKind(n, parent);
      if (!byKind.get(kind)?.has(resid)) missing.push(`<${n.name} resid="${resid}"> needs a ${kind} resource`);
    });
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it("keeps strings within Office's length limits and translates each one to English", () => {
    const byKind = resources(manifest);
    const tooLong: string[] = [];
    const untranslated: string[] = [];
    for (const [kind, limit] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      for (const [id, s] of byKind.get(kind) ?? []) {
        const texts = [s.attrs.get("DefaultValue") ?? "", ...s.children.map((o) => o.attrs.get("Value") ?? "")];
        for (const t of texts) if (t.length > limit || t.length === 0) tooLong.push(`${id}: ${t.length} chars`);
        if (!s.children.some((o) => o.attrs.get("Locale") === "en-US")) untranslated.push(id);
      }
    }
    expect(tooLong).toEqual([]);
    expect(untranslated).toEqual([]);
    expect(only(manifest, "DefaultLocale").text).toBe("id-ID");
  });

  it("serves every address from the hosting origin", () => {
    const urls: string[] = [];
    walk(manifest, (n) => {
      for (const [, v] of n.attrs) if (/^[a-z]+:\/\//i.test(v) && !n.attrs.has("xmlns") && !v.startsWith("http://schemas.")) urls.push(v);
      if (n.children.length === 0 && /^[a-z]+:\/\//i.test(n.text)) urls.push(n.text);
    });
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(DEV_BASE_URL))).toEqual([]);
  });

  it("points at icon files that exist, at the pixel sizes declared", () => {
    const images = resources(manifest).get("Images") ?? new Map<string, Node>();
    const wanted: Array<[string, number]> = [];
    for (const ref of all(manifest, "Image").filter((n) => n.attrs.has("resid"))) {
      const url = images.get(ref.attrs.get("resid") ?? "")?.attrs.get("DefaultValue") ?? "";
      wanted.push([url, Number(ref.attrs.get("size"))]);
    }
    wanted.push([only(manifest, "IconUrl").attrs.get("DefaultValue") ?? "", 32]);
    wanted.push([only(manifest, "HighResolutionIconUrl").attrs.get("DefaultValue") ?? "", 64]);
    expect(new Set(wanted.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
    const wrong = wanted
      .map(([url, size]) => {
        const file = fileForUrl(url);
        if (!fs.existsSync(file)) return `${url}: no file ${path.relative(ROOT, file)}`;
        const got = pngSize(fs.readFileSync(file));
        return got.width === size && got.height === size ? "" : `${url}: ${got.width}×${got.height}, not ${size}×${size}`;
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
  });

  it("names the ribbon functions the command code registers", () => {
    expect([...COMMAND_IDS]).toEqual(FUNCTION_NAMES);
  });
});

describe("production manifest", () => {
  it("moves every dev address under ADDIN_BASE_URL and leaves no localhost behind", () => {
    const prod = rewriteManifest(MANIFEST_TEXT, "https://renja.example.go.id/addin");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('<SourceLocation DefaultValue="https://renja.example.go.id/addin/taskpane.html"/>');
    expect(prod.split("https://renja.example.go.id/addin/").length).toBe(MANIFEST_TEXT.split(DEV_BASE_URL).length);
    // Still the same document apart from the addresses.
    expect(parse(prod).children.map((c) => c.local)).toEqual(manifest.children.map((c) => c.local));
  });

  it("accepts only an https base address and adds the trailing slash", () => {
    expect(normaliseBaseUrl("https://office.example/renja")).toBe("https://office.example/renja/");
    expect(normaliseBaseUrl(" https://office.example/ ")).toBe("https://office.example/");
    expect(() => normaliseBaseUrl("http://office.example/")).toThrow(/https/);
    expect(() => normaliseBaseUrl("office.example")).toThrow(/URL/);
    expect(() => normaliseBaseUrl("https://office.example/?v=1")).toThrow(/query/);
  });
});

// Guard that attr() from the shared scanner still reads namespaced attributes the way this test expects.
it("reads xsi:type through the shared XML scanner", () => {
  const tags = scanTags(MANIFEST_TEXT);
  expect(attr(MANIFEST_TEXT, rootElement(tags).open, "xsi:type")).toBe("TaskPaneApp");
});

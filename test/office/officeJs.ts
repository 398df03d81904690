/// <reference types="office-js" />
/**
 * Microsoft's own Office.js client (npm @microsoft/office-js, the Excel on the web build) loaded in a Node `vm`
 * context with a small browser shim. Its Excel.RequestContext builds the real RichApi request JSON; the request
 * executor is replaced with a bridge that replays each request's object paths and actions (Instantiate, Query,
 * Method, SetProperty; `_KeepReference` / `_RemoveReference`, `GetItemAt`, indexers) onto the recording fake's
 * proxies, runs one fake sync, and answers in the real response format ({ Body: { Results: [{ ActionId, Value }] } },
 * PascalCase property names, `_Items` for collections, `_ReferenceId` for kept objects).
 *
 * So the add-in's own Office code runs through Microsoft's client: what the client validates, how it batches,
 * the real request size (JSON of the body, checked against the fake's 5 MB limit) and the end-of-run cleanup
 * request (counted as a sync) are Microsoft's, and the workbook semantics are the fake's.
 */
import * as fs from "fs";
import * as vm from "vm";
import type { OfficeEnvironment } from "../../src/office/environment";
import { ClientResult, type FakeContext, type FakeWorkbook } from "./fakeExcel";

/* eslint-disable @typescript-eslint/no-explicit-any -- the bridge walks the fake's proxies by name, as Excel does */
type Dyn = any;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

/** An argument that is a client object travels as its object path, named in ReferencedObjectPathIds. */
interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

interface ExecutorResponse {
  ErrorCode: string;
  ErrorMessage: string;
  HttpStatusCode?: number;
  Headers: Record<string, string>;
  Body: { Results?: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; HttpStatusCode: number } };
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;
const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6 } as const;

interface Client {
  Excel: { run: (...args: unknown[]) => Promise<unknown>; RequestContext: new () => object };
  OfficeExtension: Dyn;
  window: Dyn;
}

let loaded: Client | undefined;

/** Loads excel-web-16.00.debug.js once per test file (jest gives each file its own module registry). */
export function officeJsClient(): Client {
  if (loaded) return loaded;
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  const win: Dyn = { setTimeout, clearTimeout, setInterval, clearInterval, console: { ...console, log: () => undefined, warn: () => undefined, info: () => undefined } };
  win.window = win;
  win.self = win;
  win.navigator = { userAgent: "node" };
  win.location = { href: "https://localhost:3000/taskpane.html", search: "", hash: "", protocol: "https:", host: "localhost:3000", hostname: "localhost" };
  win.document = { readyState: "complete", cookie: "", location: win.location, addEventListener: () => undefined, getElementsByTagName: () => [], createElement: () => ({ setAttribute: () => undefined, style: {} }), documentElement: {} };
  win.addEventListener = () => undefined;
  const context = vm.createContext(win);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: "excel-web-16.00.debug.js" });
  loaded = { Excel: context.Excel, OfficeExtension: context.OfficeExtension, window: context };
  return loaded;
}

/** The OfficeEnvironment that runs batches through Microsoft's client over the fake. */
export function officeJsEnvironment(fake: FakeWorkbook): OfficeEnvironment {
  const client = officeJsClient();
  return {
    run: async (options, batch) => {
      fake.runs.push({ ...options });
      if (options.mergeUndoGroup && !fake.isSetSupported("ExcelApi", "1.20")) throw new Error("mergeUndoGroup needs ExcelApi 1.20");
      if (options.mergeUndoGroup && fake.undoNotSupported) throw fake.error("UndoNotSupported", "undo group not supported");
      // The client asks Office.context.requirements (ExcelApi, RichApiRuntimeFlag, ...) while queuing.
      client.window.Office = { context: { requirements: { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) } } };
      const bridge = new Bridge(fake);
      const args: unknown[] = options.mergeUndoGroup ? [{ mergeUndoGroup: true }] : [];
      return (await client.Excel.run(...args, (ctx: Dyn) => {
        ctx._requestExecutor = bridge;
        return batch(ctx as Excel.RequestContext);
      })) as never;
    },
    isSetSupported: (name, version) => fake.isSetSupported(name, version),
  };
}

const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One Excel.run's executor: object references kept across its requests live here. */
class Bridge {
  private readonly references = new Map<string, Dyn>();
  private nextReference = 1;
  /** One fake context for the run, so a kept proxy queues its operations where the next request syncs. */
  private readonly fakeContext: FakeContext;

  constructor(private readonly fake: FakeWorkbook) {
    this.fakeContext = fake.context();
  }

  async executeAsync(_customData: unknown, _flags: number, message: { Body: RequestBody }): Promise<ExecutorResponse> {
    const body = message.Body;
    const bytes = Buffer.byteLength(JSON.stringify(body), "utf8");
    const fakeContext = this.fakeContext;
    this.fake.onRequest?.(body, bytes);
    if (isCleanup(body)) this.fake.cleanupSyncs++;
    const objects = new Map<number, Dyn>();
    const keep = new Set<number>();
    const answers: { action: ActionInfo; value: () => unknown }[] = [];
    try {
      const resolve = (id: number): Dyn => {
        if (objects.has(id)) return objects.get(id);
        const path = body.ObjectPaths[String(id)];
        if (!path) throw this.fake.error("InvalidObjectPath", `object path ${id} missing from the request`);
        const obj = this.resolvePath(path, fakeContext, resolve);
        objects.set(id, obj);
        return obj;
      };
      for (const action of body.Actions) {
        const args = argumentsOf(action.ArgumentInfo, resolve);
        switch (action.ActionType) {
          case ACTION.instantiate: {
            const obj = resolve(action.ObjectPathId);
            if (keep.has(action.ObjectPathId)) {
              const ref = `bridge:${this.nextReference++}`;
              this.references.set(ref, obj);
              answers.push({ action, value: () => ({ _ReferenceId: ref }) });
            } else answers.push({ action, value: () => (isNull(obj) ? null : {}) });
            break;
          }
          case ACTION.query: {
            const obj = resolve(action.ObjectPathId);
            const select = action.QueryInfo?.Select ?? [];
            const collection = "items" in obj;
            obj.load(select.map((s) => (collection ? `items/${s}` : s)).join(","));
            answers.push({ action, value: () => (collection ? { _Items: obj.items.map((item: Dyn) => queryValue(item, select)) } : isNull(obj) ? null : queryValue(obj, select)) });
            break;
          }
          case ACTION.method: {
            if (action.Name === "_KeepReference") {
              keep.add(action.ObjectPathId);
              break;
            }
            // Sent before a large values/formulas array; the fake checks the array against the range when it writes.
            if (action.Name === "_ValidateArraySize") break;
            if (action.Name === "_RemoveReference") {
              this.references.delete(String(args[0]));
              break;
            }
            const obj = resolve(action.ObjectPathId);
            const fn = obj[camel(action.Name)];
            if (typeof fn !== "function") throw this.fake.error("InvalidArgument", `the bridge cannot call ${action.Name}`);
            const result = fn.apply(obj, args);
            if (result instanceof ClientResult) answers.push({ action, value: () => result.value });
            break;
          }
          case ACTION.setProperty:
            resolve(action.ObjectPathId)[camel(action.Name)] = args[0];
            break;
          case ACTION.trace:
            break;
          default:
            throw this.fake.error("InvalidArgument", `the bridge does not replay action type ${action.ActionType}`);
        }
      }
      await fakeContext.sync(bytes);
      return { ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: answers.map((a) => ({ ActionId: a.action.Id, Value: a.value() })) } };
    } catch (e) {
      fakeContext.discard();
      const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "GeneralException";
      const text = e instanceof Error ? e.message : String(e);
      if (!(typeof e === "object" && e !== null && "code" in e)) throw e;
      return { ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Error: { Code: code, Message: text, HttpStatusCode: 400 } } };
    }
  }

  private resolvePath(path: ObjectPathInfo, fakeContext: FakeContext, resolve: (id: number) => Dyn): Dyn {
    const args = argumentsOf(path.ArgumentInfo, resolve);
    const parent = (): Dyn => resolve(path.ParentObjectPathId ?? -1);
    switch (path.ObjectPathType) {
      case PATH.global:
        return fakeContext.workbook;
      case PATH.property: {
        const p = parent()[camel(path.Name)];
        if (p === undefined) throw this.fake.error("InvalidArgument", `the fake has no property ${path.Name}`);
        return p;
      }
      case PATH.indexer:
        return parent().getItem(...args);
      case PATH.method: {
        const target = parent();
        if (path.Name === "GetItemAt") return target.getItemAt(args[0]);
        const fn = target[camel(path.Name)];
        if (typeof fn !== "function") throw this.fake.error("InvalidArgument", `the fake has no method ${path.Name}`);
        return fn.apply(target, args.map((a) => (a === null ? undefined : a)));
      }
      case PATH.referenceId: {
        const obj = this.references.get(path.Name);
        if (!obj) throw this.fake.error("InvalidObjectPath", `reference ${path.Name} was removed`);
        return obj;
      }
      default:
        throw this.fake.error("InvalidArgument", `the bridge does not resolve object path type ${path.ObjectPathType}`);
    }
  }
}

function argumentsOf(info: ArgumentInfo | undefined, resolve: (id: number) => Dyn): unknown[] {
  const refs = info?.ReferencedObjectPathIds;
  return (info?.Arguments ?? []).map((a, i) => (refs?.[i] ? resolve(refs[i]) : a));
}

/** The request Excel.run sends at its end: only `_RemoveReference` calls on the workbook (and its Instantiate). */
function isCleanup(body: RequestBody): boolean {
  const calls = body.Actions.filter((a) => a.ActionType !== ACTION.instantiate);
  return calls.length > 0 && calls.every((a) => a.ActionType === ACTION.method && a.Name === "_RemoveReference");
}

function isNull(obj: Dyn): boolean {
  try {
    return obj.isNullObject === true;
  } catch {
    return false;
  }
}

/** A loaded proxy as Excel answers a Query: PascalCase names; "areas/rowIndex" nests a collection. */
function queryValue(obj: Dyn, select: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nested = new Map<string, string[]>();
  for (const s of select) {
    const slash = s.indexOf("/");
    if (slash > 0) {
      const head = s.slice(0, slash);
      nested.set(head, [...(nested.get(head) ?? []), s.slice(slash + 1)]);
    } else out[pascal(s)] = obj[s];
  }
  for (const [head, rest] of nested) {
    const child = obj[head];
    out[pascal(head)] = child && Array.isArray(child.items) ? { _Items: child.items.map((item: Dyn) => pickPascal(item, rest)) } : pickPascal(child, rest);
  }
  return out;
}

function pickPascal(obj: Dyn, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[pascal(n)] = obj?.[n];
  return out;
}

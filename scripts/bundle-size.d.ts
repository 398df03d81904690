export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}
export interface BundleSizes {
  initial: ScriptSize[];
  lazy: ScriptSize[];
  initialGzipBytes: number;
  initialBytes: number;
  lazyGzipBytes: number;
  targetBytes: number;
}
export declare const TARGET_BYTES: number;
export declare function measure(outputDir: string): BundleSizes;

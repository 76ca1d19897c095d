import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Loads the one-file build of the server (dist/app/main.js, made by scripts/bundle.js) with V8's code
 * cache. Starting the bot is mostly compiling the SDK's JavaScript; V8 can keep that compiled code in
 * a file and skip the work next time. Node 22 does this for every module (module.enableCompileCache);
 * on Node 20 it is done here for the single bundle file, the way v8-compile-cache did. V8 checks a
 * cache against its own version and flags but only against the source's length, so the cache file
 * starts with the SHA-256 of the bundle it was made from (5 ms to check) and is ignored otherwise.
 */
export const BUNDLE_FILE = 'main.js';
export const CACHE_FILE = 'main.js.cache';

/**
 * Whether to load the bundle: not when BUNDLE=off, not when there is none, and not when it is older
 * than the compiled modules it was made from (a plain `tsc` after `npm run build` would otherwise start
 * yesterday's code; `npm run build` always rebuilds both).
 */
export function bundleChoice(appDir: string, compiledMain: string, setting: string | undefined): 'use' | 'off' | 'absent' | 'stale' {
  if (setting === 'off') return 'off';
  const bundled = statSync(path.join(appDir, BUNDLE_FILE), { throwIfNoEntry: false });
  if (!bundled) return 'absent';
  const compiled = statSync(compiledMain, { throwIfNoEntry: false });
  return compiled && compiled.mtimeMs > bundled.mtimeMs ? 'stale' : 'use';
}

export interface LoadedBundle<T> {
  exports: T;
  codeCache: 'used' | 'rejected' | 'absent';
  /** The compiled script, for making a cache after it has run (scripts/bundle.js). */
  script: vm.Script;
}

/** Compiles and runs the bundle as a CommonJS module. Throws when the bundle file is missing. */
export function loadBundle<T>(dir: string): LoadedBundle<T> {
  const file = path.join(dir, BUNDLE_FILE);
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  let stored: Buffer | undefined;
  try {
    stored = readFileSync(path.join(dir, CACHE_FILE));
  } catch {
    stored = undefined;
  }
  const matches = stored !== undefined && stored.length > HASH_BYTES && stored.subarray(0, HASH_BYTES).equals(sha256(bytes));
  const cachedData = matches ? stored?.subarray(HASH_BYTES) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const codeCache = stored === undefined ? 'absent' : !cachedData || script.cachedDataRejected ? 'rejected' : 'used';
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const mod = { exports: {} as T, id: file, filename: file, loaded: false };
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
  mod.loaded = true;
  return { exports: mod.exports, codeCache, script };
}

/** Writes V8's code cache for everything the bundle compiled so far (after loading it). */
export function writeCodeCache(dir: string, script: vm.Script): number {
  const data = Buffer.concat([sha256(readFileSync(path.join(dir, BUNDLE_FILE))), script.createCachedData()]);
  writeFileSync(path.join(dir, CACHE_FILE), data);
  return data.length;
}

const HASH_BYTES = 32;
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_FILE, CACHE_FILE, bundleChoice, loadBundle, writeCodeCache } from '../../src/launch/bundleLoader';

const MODULE = `
const path = require('node:path');
exports.answer = () => 42;
exports.where = () => [__filename, __dirname, path.basename(module.filename)];
exports.sum = (...xs) => xs.reduce((a, b) => a + b, 0);
`;

describe('the one-file build loads with V8\'s code cache when it can, and without it when it must', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-bundle-'));
    fs.writeFileSync(path.join(dir, BUNDLE_FILE), MODULE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  type M = { answer(): number; where(): string[]; sum(...xs: number[]): number };

  it('runs the bundle as a CommonJS module (exports, require, __filename, __dirname)', () => {
    const loaded = loadBundle<M>(dir);
    expect(loaded.codeCache).toBe('absent');
    expect(loaded.exports.answer()).toBe(42);
    expect(loaded.exports.where()).toEqual([path.join(dir, BUNDLE_FILE), dir, BUNDLE_FILE]);
  });

  it('uses the cache the build wrote, and the code still runs the same', () => {
    const first = loadBundle<M>(dir);
    first.exports.sum(1, 2);
    expect(writeCodeCache(dir, first.script)).toBeGreaterThan(0);
    const again = loadBundle<M>(dir);
    expect(again.codeCache).toBe('used');
    expect(again.exports.sum(1, 2, 3)).toBe(6);
  });

  it('ignores a cache that no longer matches the bundle (rebuilt code, damaged file) and still loads', () => {
    writeCodeCache(dir, loadBundle<M>(dir).script);
    // Same length on purpose: V8 itself would accept the old cache for it.
    fs.writeFileSync(path.join(dir, BUNDLE_FILE), MODULE.replace('42', '43'));
    const rebuilt = loadBundle<M>(dir);
    expect(rebuilt.codeCache).toBe('rejected');
    expect(rebuilt.exports.answer()).toBe(43);

    fs.writeFileSync(path.join(dir, CACHE_FILE), Buffer.from('not a code cache'));
    const damaged = loadBundle<M>(dir);
    expect(damaged.codeCache).toBe('rejected');
    expect(damaged.exports.answer()).toBe(43);
  });

  it('throws when there is no bundle (the entry point then loads the compiled modules)', () => {
    fs.rmSync(path.join(dir, BUNDLE_FILE));
    expect(() => loadBundle(dir)).toThrow(/ENOENT/);
  });
});

describe('the entry point loads the bundle only when it is there, wanted and up to date', () => {
  let dir: string;
  let compiled: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-choice-'));
    compiled = path.join(dir, 'main.js.compiled');
    fs.writeFileSync(compiled, '');
    fs.writeFileSync(path.join(dir, BUNDLE_FILE), MODULE);
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(compiled, hourAgo, hourAgo);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses a bundle made after the compiled modules', () => {
    expect(bundleChoice(dir, compiled, undefined)).toBe('use');
  });

  it('not with BUNDLE=off', () => {
    expect(bundleChoice(dir, compiled, 'off')).toBe('off');
  });

  it('not when there is none (a plain tsc build)', () => {
    fs.rmSync(path.join(dir, BUNDLE_FILE));
    expect(bundleChoice(dir, compiled, undefined)).toBe('absent');
  });

  it('not when the modules were compiled again after it (it would run older code)', () => {
    fs.utimesSync(compiled, new Date(), new Date(Date.now() + 1000));
    expect(bundleChoice(dir, compiled, undefined)).toBe('stale');
  });
});

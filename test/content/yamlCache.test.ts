import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearYamlCache, parseYaml, useYamlCache, writeYamlCache } from '../../src/content/yamlCache';

const keyOf = (text: string) => createHash('sha256').update(text).digest('base64');

describe('content files parsed at build time are not parsed again at start', () => {
  let dir: string;
  beforeEach(() => {
    clearYamlCache();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-yaml-'));
  });
  afterEach(() => {
    clearYamlCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('caches every content file under the folder, nested ones too, and answers with the same values', () => {
    fs.mkdirSync(path.join(dir, 'en', 'faq'), { recursive: true });
    const files = { 'en/menu.yaml': 'prompt: |-\n  What next?\nitems: [a, b]\n', 'en/faq/bills.yaml': '- q: What is an EOB?\n  a: A statement.\n' };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const cacheFile = path.join(dir, 'cache.json');
    expect(writeYamlCache(dir, cacheFile)).toBe(2);
    expect(useYamlCache(cacheFile)).toBe(2);
    expect(parseYaml(files['en/menu.yaml'])).toEqual({ prompt: 'What next?', items: ['a', 'b'] });
    expect(parseYaml(files['en/faq/bills.yaml'])).toEqual([{ q: 'What is an EOB?', a: 'A statement.' }]);
  });

  it('looks files up by their exact text: an edited file is parsed afresh, no rebuild needed', () => {
    const cacheFile = path.join(dir, 'cache.json');
    // A cache entry that differs from what the parser would say shows which answer was used.
    fs.writeFileSync(cacheFile, JSON.stringify({ [keyOf('a: 1\n')]: { a: 'from the cache' } }));
    useYamlCache(cacheFile);
    expect(parseYaml('a: 2\n')).toEqual({ a: 2 });
    expect(parseYaml('a: 1\n')).toEqual({ a: 'from the cache' });
    // Each entry answers once; the same text again (a second, identical file) gets its own parsed copy.
    expect(parseYaml('a: 1\n')).toEqual({ a: 1 });
  });

  it('keeps out values JSON cannot carry, and files that do not parse (the bot names them at start)', () => {
    fs.writeFileSync(path.join(dir, 'numbers.yaml'), 'big: .inf\n');
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'a: [1, 2\n');
    fs.writeFileSync(path.join(dir, 'fine.yaml'), 'a: 1\n');
    const cacheFile = path.join(dir, 'cache.json');
    expect(writeYamlCache(dir, cacheFile)).toBe(1);
    useYamlCache(cacheFile);
    expect(parseYaml('big: .inf\n')).toEqual({ big: Infinity });
    expect(() => parseYaml('a: [1, 2\n')).toThrow();
  });

  it('starts without a cache, or with a damaged one, by parsing', () => {
    expect(useYamlCache(path.join(dir, 'missing.json'))).toBe(0);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{not json');
    expect(useYamlCache(path.join(dir, 'bad.json'))).toBe(0);
    expect(parseYaml('a: 1\n')).toEqual({ a: 1 });
  });
});

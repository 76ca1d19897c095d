import fs from 'node:fs';
import path from 'node:path';
import { realContent } from '../helpers/content';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

interface KeyUse {
  file: string;
  key: string;
  /** Names given in an object-literal second argument; undefined when the call passes no literal. */
  names?: string[];
  hasArg: boolean;
}

/** Reads the balanced `{ … }` starting at `start` and returns its top-level property names. */
function objectLiteralNames(src: string, start: number): string[] | undefined {
  if (src[start] !== '{') return undefined;
  let depth = 0;
  let end = start;
  for (; end < src.length; end++) {
    if ('{(['.includes(src[end] ?? '')) depth++;
    if ('})]'.includes(src[end] ?? '')) depth--;
    if (depth === 0) break;
  }
  const body = src.slice(start + 1, end);
  const parts: string[] = [];
  let current = '';
  depth = 0;
  for (const ch of body) {
    if ('{(['.includes(ch)) depth++;
    if ('})]'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => /^\s*([A-Za-z_$][\w$]*)\s*(?::|$)/.exec(p)?.[1]).filter((n): n is string => Boolean(n));
}

function keyUses(): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('dialogs')]) {
    const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const call = /\b(?:text|t|list|sourced)\(\s*(['`])([a-zA-Z][\w.${}]*)\1\s*(,\s*)?/g;
    for (const m of src.matchAll(call)) {
      const key = m[2] ?? '';
      if (!key.includes('.')) continue;
      const argStart = (m.index ?? 0) + m[0].length;
      const hasArg = Boolean(m[3]);
      uses.push({ file, key, hasArg, names: hasArg ? objectLiteralNames(src, argStart) : [] });
    }
  }
  return uses;
}

describe('every text the code uses', () => {
  const content = realContent();
  const uses = keyUses();

  it('is found by this scan (sanity: the scan sees the dialogs and cards)', () => {
    expect(uses.length).toBeGreaterThan(40);
    expect(uses.some((u) => u.file.startsWith('dialogs'))).toBe(true);
  });

  it('exists in content/en (keys built from a variable must match at least one entry)', () => {
    const missing = uses
      .filter((u) => {
        if (!u.key.includes('${')) return !content.has(u.key);
        const pattern = new RegExp(`^${u.key.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[A-Za-z0-9_]+')}$`);
        return !content.keys().some((k) => pattern.test(k));
      })
      .map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('is given a value for each of its {{placeholders}}', () => {
    const unfilled: string[] = [];
    for (const use of uses.filter((u) => !u.key.includes('${') && content.has(u.key))) {
      if (use.hasArg && use.names === undefined) continue; // a variable is passed: checked at run time by the dialog tests
      const given = new Set(use.names ?? []);
      for (const name of content.placeholders(use.key)) if (!given.has(name)) unfilled.push(`${use.file}: ${use.key} needs {{${name}}}`);
    }
    expect(unfilled).toEqual([]);
  });
});

describe('user-facing sentences', () => {
  it('live in content/, not in dialogs or bot code', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('dialogs'), ...sourceFiles('src/bot'), ...sourceFiles('src/cards')]) {
      const src = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const m of src.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
        const literal = m[2] ?? '';
        const words = literal.split(/\s+/).filter((w) => /^[A-Za-z’']+[.,!?]?$/.test(w));
        if (words.length >= 4 && !literal.includes('${')) offenders.push(`${file}: ${literal}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

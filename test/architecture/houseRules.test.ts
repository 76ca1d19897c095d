import fs from 'node:fs';
import path from 'node:path';

/**
 * The house's shape, checked on every `npm test`: no import circles in src/ and dialogs/ (type imports
 * count: they tie the files together for the next reader too), no import that goes the wrong way, and no
 * reach into the Bot Framework SDK's private members (the next move is the Microsoft 365 Agents SDK, and
 * nothing that patches botbuilder's private parts survives it).
 */

const ROOT = path.join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = [...tsFiles(path.join(ROOT, 'src')), ...tsFiles(path.join(ROOT, 'dialogs'))];
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const IMPORT = /^(?:import|export)\b[^;]*?from\s+'([^']+)'/gms;

/** Each file's imports: project files (resolved) and packages (by name). */
const imports = new Map<string, { files: string[]; packages: string[] }>();
for (const file of FILES) {
  const source = fs.readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? '';
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const base = path.resolve(path.dirname(file), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    if (target) files.push(target);
  }
  imports.set(file, { files, packages });
}

function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of imports.get(file)?.files ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of FILES) if (!state.has(file)) visit(file);
  return found;
}

const importsOf = (folder: string, wrong: (target: string) => boolean): string[] =>
  FILES.filter((file) => rel(file).startsWith(folder)).flatMap((file) => (imports.get(file)?.files ?? []).filter(wrong).map((target) => `${rel(file)} → ${rel(target)}`));

describe('the house', () => {
  it('has no import circles in src/ and dialogs/', () => {
    expect(cycles()).toEqual([]);
  });

  it('imports one way: dialogs never import src/bot, the server never imports dialogs, the domain imports neither', () => {
    expect(importsOf('dialogs/', (t) => rel(t).startsWith('src/bot/'))).toEqual([]);
    expect(importsOf('src/server/', (t) => rel(t).startsWith('dialogs/'))).toEqual([]);
    expect(importsOf('src/domain/', (t) => !rel(t).startsWith('src/domain/'))).toEqual([]);
  });

  it('keeps the domain free of botbuilder', () => {
    const domain = FILES.filter((file) => rel(file).startsWith('src/domain/'));
    expect(domain.flatMap((file) => (imports.get(file)?.packages ?? []).filter((p) => p.startsWith('botbuilder') || p.startsWith('botframework')).map((p) => `${rel(file)} → ${p}`))).toEqual([]);
  });

  it('reads no private member of the SDK', () => {
    // BotState's stateKey, the connector clients' credentials and request signing, anything written _private,
    // and casts that exist only to get past the SDK's types.
    const PRIVATE = [/\bstateKey\b/, /\.signRequest\b/, /\bcredentials\.\w+Token\b/, /\.\s*_[a-zA-Z]\w*/, /\['_[a-zA-Z]\w*'\]/, /as unknown as \{[^}]*\b_[a-zA-Z]/];
    const hits = FILES.flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (PRIVATE.some((p) => p.test(line)) && !/^\s*(\*|\/\/)/.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

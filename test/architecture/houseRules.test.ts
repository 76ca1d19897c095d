import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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
/** `import … from '…'` and `export … from "…"` (either quote), and a bare `import '…'`. */
const IMPORT = /^(?:import|export)\b(?:[^;]*?from\s+)?['"]([^'"]+)['"]/gms;

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

  it('matches no English words in code, outside the files that read English on purpose', () => {
    // Words a user types that the code matches (yes, none, delete, n/a…) live in content/en, so another
    // language is a content change. A regular expression with English words in alternation is such a match.
    // These files read English on purpose, each for its reason, and may not grow: a new one, or more of them,
    // fails here and wants its words in content (or a line here saying why not).
    const READS_ENGLISH: Record<string, { most: number; why: string }> = {
      'src/domain/rehearsalPatterns.ts': { most: 66, why: 'the rehearsal judge, tuned on the English labelled replies; another language brings its own judge' },
      'src/domain/rehearsalHarms.ts': { most: 18, why: 'the rehearsal judge: harmful agreements, in English' },
      'src/domain/rehearsalJudge.ts': { most: 1, why: 'the rehearsal judge: "a month" after an amount' },
      'src/domain/billColumns.ts': { most: 7, why: 'printed column headings of an itemized bill: reading a document printed in English' },
      'src/domain/billText.ts': { most: 3, why: 'printed totals and credits of an itemized bill: reading a document printed in English' },
      'src/domain/eobText.ts': { most: 8, why: 'printed headings of an EOB: reading a document printed in English' },
      'src/domain/billDraft.ts': { most: 1, why: 'a printed claim status ("denied")' },
      'src/domain/billLines.ts': { most: 2, why: 'reading an amount and a range of line numbers, as Recognizers-Text\'s English models do' },
      'src/domain/explicitDate.ts': { most: 1, why: 'reading a date with a month name' },
      'src/domain/numberReading.ts': { most: 6, why: 'reading a household ("me and 2 kids") and an income period' },
      'src/domain/hardshipStatement.ts': { most: 1, why: 'month names kept capitalised in her own words' },
      'src/domain/faq.ts': { most: 1, why: 'English question words, for the FAQ search' },
      'src/domain/faqWords.ts': { most: 3, why: 'the FAQ search\'s English word endings' },
    };
    const WORDS = /(?:^|[(|:\/^])[a-z]{2,}(?: [a-z]+)*\|[a-z]{2,}/;
    const found = new Map<string, number>();
    for (const file of FILES) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && WORDS.test(node.getText())) found.set(rel(file), (found.get(rel(file)) ?? 0) + 1);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    const over = [...found].filter(([file, count]) => count > (READS_ENGLISH[file]?.most ?? 0)).map(([file, count]) => `${file}: ${count} (allowed ${READS_ENGLISH[file]?.most ?? 0})`);
    expect(over).toEqual([]);
  });
});

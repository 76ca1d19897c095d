import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsHash, staleReason, writeStamp } from '../../scripts/build';

/** A small project laid out like this one, with a "finished build" in dist/. */
function builtProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bill-coach-build-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{"name":"x"}');
  write('package-lock.json', '{}');
  write('tsconfig.json', '{}');
  write('src/index.ts', 'export const a = 1;\n');
  write('dialogs/rootDialog.ts', 'export const b = 2;\n');
  write('content/en/menu.yaml', 'prompt: Hi\n');
  write('dist/src/index.js', 'exports.a = 1;\n');
  write('dist/app/main.js', '/* bundle */\n');
  writeStamp(root, inputsHash(root));
  return root;
}

describe('npm start and npm test skip a build that is current', () => {
  let root: string;
  beforeEach(() => {
    root = builtProject();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a build of these very files is current, also after a fresh checkout touches every file', () => {
    expect(staleReason(root, inputsHash(root))).toBeUndefined();
    const later = new Date(Date.now() + 60_000);
    for (const file of ['src/index.ts', 'content/en/menu.yaml', 'package.json']) fs.utimesSync(path.join(root, file), later, later);
    expect(staleReason(root, inputsHash(root))).toBeUndefined();
  });

  it.each([
    ['a source file', 'src/index.ts'],
    ['a dialog', 'dialogs/rootDialog.ts'],
    ['a content file', 'content/en/menu.yaml'],
    ['the locked dependencies', 'package-lock.json'],
  ])('is rebuilt after a change to %s', (_what, file) => {
    fs.appendFileSync(path.join(root, file), ' ');
    expect(staleReason(root, inputsHash(root))).toBe('sources changed since the last build');
  });

  it('is rebuilt when a new source file appears', () => {
    fs.writeFileSync(path.join(root, 'src', 'new.ts'), 'export {};\n');
    expect(staleReason(root, inputsHash(root))).toBe('sources changed since the last build');
  });

  it('is rebuilt when a built file was deleted or changed', () => {
    fs.rmSync(path.join(root, 'dist', 'app', 'main.js'));
    expect(staleReason(root, inputsHash(root))).toBe('dist/app/main.js is missing or changed');
    fs.writeFileSync(path.join(root, 'dist', 'app', 'main.js'), '/* bundle */\n');
    fs.appendFileSync(path.join(root, 'dist', 'src', 'index.js'), '// edited');
    expect(staleReason(root, inputsHash(root))).toBe('dist/src/index.js is missing or changed');
  });

  it('a build that did not finish (no stamp) is never current', () => {
    fs.rmSync(path.join(root, 'dist', '.build-stamp.json'));
    expect(staleReason(root, inputsHash(root))).toBe('no finished build in dist/');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError, ContentStore } from '../../src/content/contentStore';
import { realContent } from '../helpers/content';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function storeFrom(files: Record<string, string>): () => ContentStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-content-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return () => ContentStore.load(dir);
}

describe('content files', () => {
  it('load from content/en with keys named <file>.<path>', () => {
    const content = realContent();
    expect(content.has('welcome.first')).toBe(true);
    expect(content.has('menu.options.gather.title')).toBe(true);
    expect(content.list('commands.help')).toContain('help');
  });

  it('fill {{placeholders}} and refuse to render with one missing', () => {
    const content = realContent();
    expect(content.text('cases.created', { caseLabel: 'Mercy' })).toContain('Mercy');
    expect(() => content.text('cases.created')).toThrow('cases.created needs a value for {{caseLabel}}');
    expect(() => content.text('no.such.key')).toThrow('Unknown content key: no.such.key');
  });

  it.each([
    ['not valid YAML', { 'menu.yaml': 'prompt: "unterminated' }, /^menu\.yaml: not valid YAML/],
    ['an empty text', { 'menu.yaml': 'prompt: ""' }, /^menu\.yaml: prompt: empty text/],
    ['a broken placeholder', { 'menu.yaml': 'prompt: "Hello {{name"' }, /^menu\.yaml: menu\.prompt: broken placeholder/],
    ['a key with spaces', { 'menu.yaml': '"my key": hi' }, /^menu\.yaml: my key: keys are letters, digits and _/],
    ['a number instead of text', { 'help.yaml': 'text:\n  deeper: 42' }, /^help\.yaml: text\.deeper:/],
    ['a sourced fact without its source', { 'facts.yaml': 'fpl:\n  text: "The guideline is $15,960."\n  year: 2026' }, /^facts\.yaml: fpl/],
  ])('stop startup on %s, naming the file and the key', (_label, files, message) => {
    const load = storeFrom(files);
    expect(load).toThrow(ContentError);
    expect(load).toThrow(message);
  });

  it('stop startup when the folder has no content', () => {
    expect(storeFrom({})).toThrow(/No content files/);
  });

  it('keep the source and year of a text that states a fact', () => {
    const store = storeFrom({ 'facts.yaml': 'fpl:\n  text: "For {{size}} people the guideline is $33,000."\n  source: "HHS poverty guidelines, 91 FR 1797"\n  year: 2026' })();
    expect(store.sourced('facts.fpl', { size: 4 })).toEqual({ text: 'For 4 people the guideline is $33,000.', source: 'HHS poverty guidelines, 91 FR 1797', year: 2026 });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError } from '../../src/content/contentStore';
import { loadScenarios } from '../../src/content/scenarios';
import { realScenarios } from '../helpers/content';

const REAL_DIR = path.join(__dirname, '..', '..', 'content', 'en', 'rehearsal');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A copy of the real scenarios plus (or with one replaced by) `files`. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-scenarios-'));
  dirs.push(dir);
  for (const f of fs.readdirSync(REAL_DIR)) fs.copyFileSync(path.join(REAL_DIR, f), path.join(dir, f));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const original = fs.readFileSync(path.join(REAL_DIR, 'billingOffice.yaml'), 'utf8');

describe('rehearsal scenarios as content', () => {
  it('ship at least the four the product promises, each with turns and key moves', () => {
    const ids = realScenarios().map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['billingOffice', 'financialAssistance', 'collectionAgency', 'insurerEob']));
    for (const s of realScenarios()) {
      expect(s.turns.length).toBeGreaterThanOrEqual(3);
      expect(s.keyMoves.length).toBeGreaterThan(0);
    }
  });

  it('end the call on the last turn: its replies ask nothing, and it never pushes back, so no turn follows "turn N of N"', () => {
    for (const s of realScenarios()) {
      const last = s.turns.at(-1);
      const replies = [last?.good, last?.weak, last?.toughWeak].filter((line): line is string => line !== undefined);
      expect({ scenario: s.id, asks: replies.filter((line) => line.trim().endsWith('?')), pushBack: last?.pushBack }).toEqual({ scenario: s.id, asks: [], pushBack: undefined });
    }
  });

  it('include the usual pushbacks', () => {
    const all = JSON.stringify(realScenarios()).toLowerCase();
    for (const pushback of ['standard rate', "can't really", 'due now', 'credit card', 'already in collections', 'on my screen']) {
      expect(all).toContain(pushback);
    }
  });

  it('can be added by an operator as a file', () => {
    const extra = original.replace('title: Hospital billing office', 'title: Imaging center billing');
    const scenarios = loadScenarios(folderWith({ 'imagingCenter.yaml': extra }));
    expect(scenarios.find((s) => s.id === 'imagingCenter')?.title).toBe('Imaging center billing');
  });

  it.each([
    ['an unknown move', original.replace('wants: [makesOffer]', 'wants: [beRude]'), /rehearsal\/broken\.yaml: turns\.4\.wants\.0:/],
    ['an unknown placeholder', original.replace('{{target}} if', '{{discount}} if'), /rehearsal\/broken\.yaml: turns\.4\.good: unknown placeholder \{\{discount\}\}/],
    ['a missing title', original.replace('title: Hospital billing office\n', ''), /rehearsal\/broken\.yaml: title:/],
    ['too few turns', 'title: X\nrep: Y\nintro: Hi\nsuits: [default]\nkeyMoves: [makesOffer]\nclosing: Bye\nturns: []\n', /rehearsal\/broken\.yaml: turns:/],
    ['invalid YAML', 'title: "unterminated', /rehearsal\/broken\.yaml: not valid YAML/],
  ])('stop startup naming the file and the place when a scenario has %s', (_label, text, message) => {
    const dir = folderWith({ 'broken.yaml': text });
    expect(() => loadScenarios(dir)).toThrow(ContentError);
    expect(() => loadScenarios(dir)).toThrow(message);
  });
});

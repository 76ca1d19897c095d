import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * How hard the coach's texts are to read: the Flesch–Kincaid grade of each content file's user-facing
 * text, and its longest sentence. Sources, years, ids and lists of phrases people type are not read.
 */

const NOT_READ = new Set(['source', 'year', 'reviewed', 'id', 'phrasings', 'keywords', 'terms', 'tags', 'kind', 'scenario', 'patterns']);

/**
 * Syllables in an English word, the common vowel-group estimate used by Flesch–Kincaid tools: groups of
 * vowels, less a silent final "e"/"es"/"ed"; short words count one.
 */
export function syllableCount(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (w.match(/[aeiouy]{1,2}/g) ?? []).length);
}

/** Every user-facing string of a parsed YAML file (lists of strings are phrases people type: skipped). */
export function userTexts(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.every((x) => typeof x === 'string') ? [] : node.flatMap((x) => userTexts(x, key));
  if (node && typeof node === 'object') {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (NOT_READ.has(k) ? [] : userTexts(v, k)));
  }
  return [];
}

/** Markdown and placeholders out, so only the words are counted: "{{balance}}" reads as one short word. */
export function plainWords(text: string): string {
  return text
    .replace(/\{\{[^}]+\}\}/g, 'it')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/https?:\/\/\S+/g, 'link')
    .replace(/[*_`>#|]/g, ' ')
    .replace(/^\s*(?:[-•]|\d+[.)])\s+/gm, '');
}

/** Sentences: ended by . ! ? or a line break (a list item or a heading is a sentence of its own). */
export function sentences(text: string): string[] {
  return plainWords(text)
    .split(/(?<=[.!?])["”')\]]*\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s));
}

const wordsOf = (sentence: string): string[] => sentence.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

export interface Readability {
  grade: number;
  longestSentence: { words: number; text: string };
  sentences: number;
  words: number;
}

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function readability(texts: readonly string[]): Readability {
  const all = texts.flatMap(sentences);
  let words = 0;
  let syllables = 0;
  let longest = { words: 0, text: '' };
  for (const sentence of all) {
    const w = wordsOf(sentence);
    words += w.length;
    syllables += w.reduce((n, word) => n + Math.max(1, syllableCount(word)), 0);
    if (w.length > longest.words) longest = { words: w.length, text: sentence };
  }
  const grade = all.length && words ? 0.39 * (words / all.length) + 11.8 * (syllables / words) - 15.59 : 0;
  return { grade: Math.round(grade * 10) / 10, longestSentence: longest, sentences: all.length, words };
}

/** The user-facing text files under content/en, by path relative to it. */
export function contentFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

export function fileReadability(root: string, file: string): Readability {
  return readability(userTexts(parse(fs.readFileSync(path.join(root, file), 'utf8'))));
}

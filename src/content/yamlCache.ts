import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

/**
 * Parsed content files, kept by the build (scripts/bundle.js) so a start does not parse the ~40 YAML files
 * again (about 0.15 s of a 1.3 s start). Each entry is keyed by the SHA-256 of the file's text: a file
 * an operator has edited since the build simply misses the cache and is parsed as before, so editing
 * content never needs a rebuild. Only values that survive JSON unchanged are kept.
 */
const cached = new Map<string, unknown>();

/** The cache's name in dist/app. */
export const CONTENT_CACHE_FILE = 'content-cache.json';

const keyOf = (text: string): string => createHash('sha256').update(text).digest('base64');

/** Reads the build's cache file, if there is one (a missing or unreadable cache only means parsing). */
export function useYamlCache(file: string): number {
  try {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(entries)) cached.set(key, value);
  } catch {
    return 0;
  }
  return cached.size;
}

/** YAML's `parse`, answered from the cache when the text is one the build parsed. Throws as `parse` does. */
export function parseYaml(text: string): unknown {
  const key = cached.size > 0 ? keyOf(text) : undefined;
  if (key !== undefined && cached.has(key)) {
    const value = cached.get(key);
    // Used once: a second file with the same text gets its own copy from the parser.
    cached.delete(key);
    return value;
  }
  return parse(text);
}

/** Parses every *.yaml under `dir` and writes the cache file; returns how many files it holds. */
export function writeYamlCache(dir: string, file: string): number {
  const entries: Record<string, unknown> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        let value: unknown;
        try {
          value = parse(text);
        } catch {
          continue; // the bot reports it at start, with the file's name
        }
        if (isDeepStrictEqual(JSON.parse(JSON.stringify(value) ?? 'null'), value)) entries[keyOf(text)] = value;
      }
    }
  };
  walk(dir);
  writeFileSync(file, JSON.stringify(entries));
  return Object.keys(entries).length;
}

/** Forgets the cache: once the content is loaded (entries for files edited since the build are never used), and in tests. */
export function clearYamlCache(): void {
  cached.clear();
}

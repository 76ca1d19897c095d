import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from './yamlCache';
import { ContentLeaf, ContentShapeError, ContentTree, badPlaceholder, placeholdersOf, PLACEHOLDER, validateTree } from './schemas';

export type TextVars = Readonly<Record<string, string | number>>;

export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

export interface SourcedEntry {
  text: string;
  source?: string;
  year?: string | number;
}

/**
 * Every user-facing sentence, loaded from `content/<locale>/*.yaml` and validated at startup.
 * Keys are `<file>.<path>`: `menu.prompt` is `prompt:` in `menu.yaml`.
 */
export class ContentStore {
  private constructor(private readonly entries: ReadonlyMap<string, ContentLeaf>) {}

  static load(dir: string): ContentStore {
    const entries = new Map<string, ContentLeaf>();
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch {
      throw new ContentError(`Content folder not found: ${dir}`);
    }
    if (files.length === 0) throw new ContentError(`No content files (*.yaml) in ${dir}`);
    for (const file of files) {
      const namespace = file.replace(/\.ya?ml$/, '');
      let raw: unknown;
      try {
        raw = parseYaml(readFileSync(path.join(dir, file), 'utf8'));
      } catch (err) {
        throw new ContentError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
      }
      let tree: ContentTree;
      try {
        tree = validateTree(raw);
      } catch (err) {
        if (err instanceof ContentShapeError) throw new ContentError(`${file}: ${err.where}: ${err.message}`);
        throw err;
      }
      flatten(tree, namespace, entries, file);
    }
    return new ContentStore(entries);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The text under `key` with its `{{placeholders}}` filled; a missing key or value is a bug and throws. */
  text(key: string, vars: TextVars = {}): string {
    const leaf = this.leaf(key);
    if (Array.isArray(leaf)) throw new ContentError(`Content key ${key} is a list, not a text`);
    return render(key, typeof leaf === 'string' ? leaf : leaf.text, vars);
  }

  /** A text with its source and year, for content that states a rule or a number. */
  sourced(key: string, vars: TextVars = {}): SourcedEntry {
    const leaf = this.leaf(key);
    if (typeof leaf === 'string') return { text: render(key, leaf, vars) };
    if (Array.isArray(leaf)) throw new ContentError(`Content key ${key} is a list, not a text`);
    return { text: render(key, leaf.text, vars), source: leaf.source, year: leaf.year };
  }

  /** A list of phrases (for example the words that mean "help"). */
  list(key: string): string[] {
    const leaf = this.leaf(key);
    if (Array.isArray(leaf)) return [...leaf];
    return [typeof leaf === 'string' ? leaf : leaf.text];
  }

  /** Placeholder names a key expects: lets tests prove every call supplies them. */
  placeholders(key: string): string[] {
    const leaf = this.leaf(key);
    if (Array.isArray(leaf)) return [];
    return placeholdersOf(typeof leaf === 'string' ? leaf : leaf.text);
  }

  private leaf(key: string): ContentLeaf {
    const leaf = this.entries.get(key);
    if (leaf === undefined) throw new ContentError(`Unknown content key: ${key}`);
    return leaf;
  }
}

function flatten(tree: ContentTree, prefix: string, into: Map<string, ContentLeaf>, file: string): void {
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}.${name}`;
    const isLeaf = typeof value === 'string' || Array.isArray(value) || typeof value.text === 'string';
    if (!isLeaf) {
      flatten(value as ContentTree, key, into, file);
      continue;
    }
    const leaf = value as ContentLeaf;
    const texts = typeof leaf === 'string' ? [leaf] : Array.isArray(leaf) ? leaf : [leaf.text];
    for (const text of texts) {
      const bad = badPlaceholder(text);
      if (bad) throw new ContentError(`${file}: ${key}: broken placeholder near "${bad}"`);
    }
    into.set(key, leaf);
  }
}

function render(key: string, template: string, vars: TextVars): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new ContentError(`Content key ${key} needs a value for {{${name}}}`);
    return String(value);
  });
}

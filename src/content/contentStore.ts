import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from './yamlCache';
import { DATA_PREFIX, type DataFigures, unknownFigure } from './dataFigures';
import { ContentLeaf, ContentShapeError, ContentTree, badPlaceholder, placeholdersOf, PLACEHOLDER, validateTree } from './schemas';

export type TextVars = Readonly<Record<string, string | number>>;

export { ContentError } from './contentError';
import { ContentError } from './contentError';

export interface SourcedEntry {
  text: string;
  source?: string;
  year?: string | number;
}

/**
 * Every user-facing sentence, loaded from `content/<locale>/*.yaml` and validated at startup.
 * Keys are `<file>.<path>`: `menu.prompt` is `prompt:` in `menu.yaml`.
 * A text may state a figure from `content/data` as `{{data.<name>}}` (see dataFigures.ts): the store fills it
 * from the figures it was loaded with, and a name that is not a figure stops startup naming the file and key.
 */
export class ContentStore {
  private constructor(
    private readonly entries: ReadonlyMap<string, ContentLeaf>,
    private readonly figures: DataFigures,
  ) {}

  static load(dir: string, figures: DataFigures = {}): ContentStore {
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
      flatten(tree, namespace, entries, file, figures);
    }
    return new ContentStore(entries, figures);
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
    return this.render(key, typeof leaf === 'string' ? leaf : leaf.text, vars);
  }

  /** A text with its source and year, for content that states a rule or a number. */
  sourced(key: string, vars: TextVars = {}): SourcedEntry {
    const leaf = this.leaf(key);
    if (typeof leaf === 'string') return { text: this.render(key, leaf, vars) };
    if (Array.isArray(leaf)) throw new ContentError(`Content key ${key} is a list, not a text`);
    return { text: this.render(key, leaf.text, vars), source: leaf.source, year: leaf.year };
  }

  /** A list of phrases (for example the words that mean "help"). */
  list(key: string): string[] {
    const leaf = this.leaf(key);
    if (Array.isArray(leaf)) return [...leaf];
    return [typeof leaf === 'string' ? leaf : leaf.text];
  }

  /** Placeholder names a key expects from its caller (not the `{{data.…}}` figures the store fills): lets tests prove every call supplies them. */
  placeholders(key: string): string[] {
    const leaf = this.leaf(key);
    if (Array.isArray(leaf)) return [];
    return placeholdersOf(typeof leaf === 'string' ? leaf : leaf.text).filter((name) => !name.startsWith(DATA_PREFIX));
  }

  /** The data figures the store fills, by name (`medicalCardApr` for `{{data.medicalCardApr}}`). */
  figure(name: string): string {
    const value = this.figures[name];
    if (value === undefined) throw new ContentError(`No data figure named ${name}`);
    return value;
  }

  private render(key: string, template: string, vars: TextVars): string {
    return template.replace(PLACEHOLDER, (_match, name: string) => {
      const value = name.startsWith(DATA_PREFIX) ? this.figures[name.slice(DATA_PREFIX.length)] : vars[name];
      if (value === undefined) throw new ContentError(`Content key ${key} needs a value for {{${name}}}`);
      return String(value);
    });
  }

  private leaf(key: string): ContentLeaf {
    const leaf = this.entries.get(key);
    if (leaf === undefined) throw new ContentError(`Unknown content key: ${key}`);
    return leaf;
  }
}

function flatten(tree: ContentTree, prefix: string, into: Map<string, ContentLeaf>, file: string, figures: DataFigures): void {
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}.${name}`;
    const isLeaf = typeof value === 'string' || Array.isArray(value) || typeof value.text === 'string';
    if (!isLeaf) {
      flatten(value as ContentTree, key, into, file, figures);
      continue;
    }
    const leaf = value as ContentLeaf;
    const texts = typeof leaf === 'string' ? [leaf] : Array.isArray(leaf) ? leaf : [leaf.text];
    for (const text of texts) {
      const bad = badPlaceholder(text);
      if (bad) throw new ContentError(`${file}: ${key}: broken placeholder near "${bad}"`);
      const unknown = Object.keys(figures).length > 0 ? unknownFigure(text, figures) : undefined;
      if (unknown) throw new ContentError(`${file}: ${key}: {{data.${unknown}}} is not a figure from content/data (known: ${Object.keys(figures).join(', ')})`);
    }
    into.set(key, leaf);
  }
}

import { z } from 'zod';

/** A sentence that states a rule, number or deadline carries where it comes from. */
export const sourcedTextSchema = z.strictObject({
  text: z.string().min(1),
  source: z.string().min(3),
  year: z.union([z.number().int().min(1990).max(2100), z.string().regex(/^\d{4}(-\d{2})?(-\d{2})?$/)]),
});

export type ContentLeaf = string | string[] | z.infer<typeof sourcedTextSchema>;
export interface ContentTree {
  [key: string]: ContentLeaf | ContentTree;
}

const KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export class ContentShapeError extends Error {
  constructor(readonly where: string, message: string) {
    super(message);
  }
}

/**
 * Checks a parsed YAML file: every value is a text, a list of texts, a sourced text ({ text, source, year })
 * or a group of those. Throws naming the exact key, so an operator knows what to fix.
 */
export function validateTree(raw: unknown, where: string[] = []): ContentTree {
  const here = where.join('.') || '(top level)';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ContentShapeError(here, 'expected keys with texts');
  const tree: ContentTree = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = [...where, key];
    const name = at.join('.');
    if (!KEY.test(key)) throw new ContentShapeError(name, 'keys are letters, digits and _');
    if (typeof value === 'string') {
      if (value.trim() === '') throw new ContentShapeError(name, 'empty text');
      tree[key] = value;
    } else if (Array.isArray(value)) {
      if (value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) throw new ContentShapeError(name, 'expected a list of non-empty texts');
      tree[key] = value as string[];
    } else if (typeof value === 'object' && value !== null && 'text' in value) {
      const parsed = sourcedTextSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ContentShapeError(name, `a sourced text needs text, source and year (${issue?.path.join('.') || 'shape'}: ${issue?.message ?? 'invalid'})`);
      }
      tree[key] = parsed.data;
    } else if (typeof value === 'object' && value !== null) {
      tree[key] = validateTree(value, at);
    } else {
      throw new ContentShapeError(name, `expected a text, a list of texts or a group, not ${value === null ? 'nothing' : typeof value}`);
    }
  }
  return tree;
}

/** `{{name}}`, filled by the caller, or `{{data.name}}`, a figure from content/data filled by the store (dataFigures.ts). */
export const PLACEHOLDER = /\{\{\s*((?:data\.)?[a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** Finds `{{` or `}}` that do not form a valid placeholder. */
export function badPlaceholder(text: string): string | undefined {
  const stripped = text.replace(PLACEHOLDER, '');
  const match = /\{\{|\}\}/.exec(stripped);
  return match ? text.slice(Math.max(0, match.index - 10), match.index + 20) : undefined;
}

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

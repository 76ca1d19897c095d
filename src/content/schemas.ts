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

const leafSchema = z.union([
  z.string().min(1, { error: 'empty text' }),
  z.array(z.string().min(1)).min(1, { error: 'empty list' }),
  sourcedTextSchema,
]);

export const contentTreeSchema: z.ZodType<ContentTree> = z.lazy(() =>
  z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, { error: 'keys are letters, digits and _' }), z.union([leafSchema, contentTreeSchema])),
);

export const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** Finds `{{` or `}}` that do not form a valid placeholder. */
export function badPlaceholder(text: string): string | undefined {
  const stripped = text.replace(PLACEHOLDER, '');
  const match = /\{\{|\}\}/.exec(stripped);
  return match ? text.slice(Math.max(0, match.index - 10), match.index + 20) : undefined;
}

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

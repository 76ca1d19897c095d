/**
 * User-typed text shown in a message or a card must never render as markup: every character that
 * Markdown (and HTML) would act on gets a backslash.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`);
}

/**
 * User-typed text shown in a message or a card must never render as markup. Characters that act
 * anywhere (emphasis, links, code, HTML, tables) get a backslash; list and heading markers only at the
 * start of a line, so ordinary punctuation ("St. Luke's", "(555)") is shown as typed. Control characters
 * go, and so do bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an unclosed
 * right-to-left override would reverse the rest of the message around the user's text. Arabic and Hebrew
 * need none of them to show right to left.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

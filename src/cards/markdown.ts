/**
 * User-typed text shown in a message or a card must never render as markup. Characters that act
 * anywhere (emphasis, links, code, HTML, tables) get a backslash; list and heading markers only at the
 * start of a line, so ordinary punctuation ("St. Luke's", "(555)") is shown as typed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

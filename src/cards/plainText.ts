/**
 * Markdown as the bot writes it (content texts, with what the user typed escaped by `escapeMarkdown`),
 * turned into plain text for a file the user keeps: a phone opens a .txt file anywhere, and a file full
 * of `##`, `**` and `_` reads as noise.
 *
 * - `# Title` becomes the title over a line of `=`, `## Section` (and deeper) over a line of `-`;
 * - bold, italic and strikethrough marks go (`**a**`, `__a__`, `*a*`, `_a_`, `~~a~~`), underscores inside
 *   words stay (`snake_case`), and so does a lone `*`;
 * - `[text](url)` becomes `text (url)`, `<https://…>` the address, `` `code` `` its text;
 * - list items keep a "- " (from `-`, `*` or `+`) or their number; a quote's `> ` becomes an indent;
 * - a backslash escape gives the character itself (`\*` → `*`), so what the user typed comes out as typed;
 * - hard line breaks (a trailing backslash or two spaces) and runs of blank lines are tidied.
 */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const title = inline(heading[2] ?? '');
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      out.push(title, (heading[1] === '#' ? '=' : '-').repeat(Math.max(3, [...title].length)));
      continue;
    }
    // A hard line break: an odd number of backslashes at the end (an even number is escaped backslashes).
    const unbroken = line.replace(/(^|[^\\])((?:\\\\)*)\\$/, '$1$2');
    out.push(inline(blockMarkers(unbroken)).trimEnd());
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd()}\n`;
}

/** List bullets as "- ", numbers kept; a quote marker becomes an indent. */
function blockMarkers(line: string): string {
  return line
    .replace(/^( *)(?:> ?)+/, '$1  ')
    .replace(/^( *)[*+-][ \t]+/, '$1- ');
}

/** Private-use characters stand in for escaped characters while the marks are removed. */
const HOLD = 0xe000;
const hold = (ch: string) => String.fromCharCode(HOLD + ch.charCodeAt(0));
const HELD = /[\ue000-\ue07f]/g;

function inline(text: string): string {
  return text
    // Escapes and code spans first: nothing inside them is a mark.
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, ch: string) => hold(ch))
    .replace(/(`+)(.+?)\1/g, (_m, _ticks: string, code: string) => code.trim().replace(/[!-/:-@[-`{-~]/g, hold))
    .replace(/<((?:https?|mailto):[^\s<>]+)>/g, '$1')
    .replace(/!?\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => (label === url || label === '' ? url : `${label} (${url})`))
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)/g, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(HELD, (ch) => String.fromCharCode(ch.charCodeAt(0) - HOLD));
}

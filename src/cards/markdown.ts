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

/** Code spans, autolinks and bare addresses: a backslash there would show, or change the address. */
const LITERAL = /(`+)[\s\S]*?\1|<[a-z][a-z0-9+.-]*:[^\s<>]*>|\bhttps?:\/\/\S+/gi;
/** "(c)", "(r)" or "(tm)" in any case, not already escaped (an even run of backslashes before it is text). */
const TYPOGRAPHER_MARK = /(?<=(?:^|[^\\])(?:\\\\)*)\((c|r|tm)\)/gi;

/**
 * Web Chat renders Markdown with markdown-it's typographer on, which shows "(c)", "(r)" and "(tm)" as
 * ©, ® and ™: "section 501(r)" read "section 501®", in messages and in Adaptive Card TextBlocks and
 * FactSets alike. A backslash before the "(" keeps them as written: markdown-it (13+) leaves an escaped
 * character out of its replacements and shows it without the backslash. The rest of the text is unchanged,
 * and running it twice changes nothing more.
 */
export function keepTypographerMarks(markdown: string): string {
  let out = '';
  let from = 0;
  const shield = (text: string) => text.replace(TYPOGRAPHER_MARK, '\\($1)');
  for (const literal of markdown.matchAll(LITERAL)) {
    out += shield(markdown.slice(from, literal.index)) + literal[0];
    from = literal.index + literal[0].length;
  }
  return out + shield(markdown.slice(from));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The same for an Adaptive Card: every TextBlock's text and every FactSet's titles and values (Web Chat
 * renders those as Markdown), in containers, columns and show-card actions at any depth. Returns a copy.
 */
export function keepTypographerMarksInCard(element: unknown): unknown {
  if (Array.isArray(element)) return element.map(keepTypographerMarksInCard);
  if (!isRecord(element)) return element;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element)) copy[key] = keepTypographerMarksInCard(value);
  if (element.type === 'TextBlock' && typeof element.text === 'string') copy.text = keepTypographerMarks(element.text);
  if (element.type === 'FactSet' && Array.isArray(element.facts)) {
    copy.facts = element.facts.map((fact: unknown) => {
      if (!isRecord(fact)) return fact;
      return {
        ...fact,
        ...(typeof fact.title === 'string' ? { title: keepTypographerMarks(fact.title) } : {}),
        ...(typeof fact.value === 'string' ? { value: keepTypographerMarks(fact.value) } : {}),
      };
    });
  }
  return copy;
}

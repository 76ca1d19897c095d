import type { Attachment } from 'botbuilder';

/**
 * A text file the user can keep, sent inline as a data URL: Web Chat shows it as a download link.
 * (Teams needs its file-consent flow for real files; that channel gets the card and the chat text.)
 */
export function markdownFile(name: string, markdown: string): Attachment {
  return {
    contentType: 'text/markdown',
    name,
    contentUrl: `data:text/markdown;charset=utf-8;base64,${Buffer.from(markdown, 'utf8').toString('base64')}`,
  };
}

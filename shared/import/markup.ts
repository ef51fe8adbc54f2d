/**
 * Descriptions as readable text. Jira exports hold its wiki markup, and
 * sometimes HTML inside an {html} macro; GitHub and Linear hold Markdown,
 * which reads well as it is. Headings, lists, code and links are kept as
 * plain text; markup noise goes; nothing is ever rendered as HTML.
 */
import { convert } from 'html-to-text';

/** HTML to text: lists as "- " lines, links as "text (url)", images dropped, entities decoded. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}

/** Blocks whose content is kept verbatim: code, noformat and raw HTML. */
const VERBATIM = /\{(code|noformat|html)(?::[^}]*)?\}([\s\S]*?)\{\1\}/g;

/**
 * Jira wiki markup to text. Code and noformat blocks are taken out first so
 * that nothing inside them is touched; then block constructs (headings,
 * lists, quotes, panels, tables), then links and images, then inline effects,
 * which count only at word boundaries (so "a*b*c" and "well-known" survive).
 */
export function jiraToText(markup: string): string {
  const kept: string[] = [];
  let text = markup.replace(/\r\n?/g, '\n').replace(VERBATIM, (_all, kind: string, body: string) => {
    kept.push(kind === 'html' ? htmlToText(body) : body.replace(/^\n|\n$/g, ''));
    return `\u0000${kept.length - 1}\u0000`;
  });
  text = text
    .split('\n')
    .map((line) => {
      const heading = /^\s*h[1-6]\.\s+(.*)$/.exec(line);
      if (heading) return heading[1]!;
      const list = /^\s*([*#-]+)\s+(.*)$/.exec(line);
      if (list && !/^-{4,}$/.test(line.trim())) {
        const depth = list[1]!.length - 1;
        const numbered = list[1]!.endsWith('#');
        return `${'  '.repeat(depth)}${numbered ? '1.' : '-'} ${list[2]}`;
      }
      if (/^\s*bq\.\s+/.test(line)) return `> ${line.replace(/^\s*bq\.\s+/, '')}`;
      if (/^\s*-{4,}\s*$/.test(line)) return '';
      if (/^\s*\|\|/.test(line)) return line.trim().replace(/^\|\||\|\|$/g, '').split('||').map((cell) => cell.trim()).join(' | ');
      if (/^\s*\|/.test(line)) return line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).join(' | ');
      return line;
    })
    .join('\n');
  text = text
    .replace(/\{quote\}/g, '')
    .replace(/\{panel(?::[^}]*?title=([^|}]*)[^}]*)?\}/g, (_all, title?: string) => (title ? `${title}\n` : ''))
    .replace(/\{color(?::[^}]*)?\}/g, '')
    .replace(/!([^!\s|]+)(?:\|[^!]*)?!/g, '')
    .replace(/\[([^|\]]+)\|([^\]]+)\]/g, (_all, label: string, target: string) => (label.trim() === target.trim() ? target : `${label} (${target})`))
    .replace(/\[~(?:accountid:)?([^\]]+)\]/g, '@$1')
    .replace(/\[\^([^\]]+)\]/g, '$1')
    .replace(/\[((?:https?|mailto|ftp):[^\]]+)\]/g, '$1')
    .replace(/\{\{([^}]*)\}\}/g, '$1')
    .replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/(^|[\s(])\+(\S(?:[^+\n]*\S)?)\+(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/(^|\s)-(\S(?:[^-\n]*\S)?)-(?=\s|$)/gm, '$1$2')
    .replace(/\?\?(\S(?:[^?\n]*\S)?)\?\?/g, '$1')
    .replace(/\\\\/g, '\n')
    .replace(/\\([*_+\-?{}[\]!|#^~])/g, '$1');
  // eslint-disable-next-line no-control-regex -- the placeholders put in above
  text = text.replace(/\u0000(\d+)\u0000/g, (_all, index: string) => kept[Number(index)]!);
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** For a column of unknown origin: Jira markup or HTML when it looks like either, else the text as it is (Markdown reads well). */
export function readableText(raw: string): string {
  if (/\{(html|code|noformat|quote|panel|color)[:}]|^\s*h[1-6]\.\s|\[[^\]|]+\|https?:/m.test(raw)) return jiraToText(raw);
  if (/<(p|div|br|ul|ol|li|h[1-6]|a|pre|code|table|span|b|i|strong|em)\b[^>]*>/i.test(raw)) return htmlToText(raw);
  return raw;
}

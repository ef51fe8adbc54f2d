/**
 * The roadmap as an SVG picture, for the Image export: the same layout as
 * the page (layout.ts) drawn in light colors with the board's name, the date
 * and what the forecast assumes on top, the done epics listed at the end.
 * Pure: a string, with every piece of text people wrote escaped.
 */
import { progressText, type Roadmap, type RoadmapRow } from '../../shared/index.js';
import { shorten } from '../ui/text.js';
import { dateInWords, shortDate } from './dates.js';
import { barSpan, columnCount, splitDone } from './layout.js';
import { whenShort } from './words.js';

const PAD = 24;
const NAME = 300;
const WHEN = 120;
const COLUMN = 60;
const ROW = 38;
const HEAD = 40;
const COLORS = { text: '#1c1d21', muted: '#5f6370', border: '#e3e4e8', band: '#f1f2f4', bar: '#4f46e5', safe: '#c7c9f7', bg: '#ffffff' };
const FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Words into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

export function roadmapSvg(map: Roadmap, options: { boardName: string; today: string; assumptions: string }): { svg: string; width: number; height: number } {
  const columns = columnCount(map);
  const width = PAD * 2 + NAME + WHEN + columns * COLUMN;
  const year = options.today.slice(0, 4);
  const { themes, done } = splitDone(map);
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, style: string) => parts.push(`<text x="${x}" y="${y}" ${style}>${escape(content)}</text>`);
  let y = PAD + 18;
  text(PAD, y, `Roadmap${options.boardName.trim() ? `: ${shorten(options.boardName, 80)}` : ''}`, `font-size="20" font-weight="650" fill="${COLORS.text}"`);
  for (const line of wrap(`As of ${dateInWords(options.today)}. Solid: from when work likely starts to the sprint an epic is likely done by (50 %); lighter: almost surely (85 %). ${options.assumptions}`, Math.floor((width - PAD * 2) / 6.4))) {
    y += 18;
    text(PAD, y, line, `font-size="12" fill="${COLORS.muted}"`);
  }
  y += 16;
  const track = PAD + NAME + WHEN;
  // The column heads: each coming sprint's end date, the year where it changes.
  const top = y;
  text(PAD, y + 30, 'Epic', `font-size="12" font-weight="600" fill="${COLORS.muted}"`);
  text(PAD + NAME, y + 30, 'Likely done', `font-size="12" font-weight="600" fill="${COLORS.muted}"`);
  map.sprints.slice(0, columns).forEach((sprint, index) => {
    if (index === 0 || sprint.end.slice(0, 4) !== map.sprints[index - 1]!.end.slice(0, 4)) text(track + index * COLUMN + 6, y + 14, sprint.end.slice(0, 4), `font-size="10" fill="${COLORS.muted}"`);
    text(track + index * COLUMN + 6, y + 30, shortDate(sprint.end), `font-size="11" font-weight="600" fill="${COLORS.muted}"`);
  });
  y += HEAD;
  const row = (item: RoadmapRow | null, title: string, heading: boolean) => {
    if (heading) parts.push(`<rect x="${PAD}" y="${y}" width="${width - PAD * 2}" height="${ROW}" fill="${COLORS.band}"/>`);
    parts.push(`<line x1="${PAD}" y1="${y + ROW}" x2="${width - PAD}" y2="${y + ROW}" stroke="${COLORS.border}"/>`);
    text(PAD + 8, y + (item ? 16 : 23), shorten(title, 40), `font-size="13" font-weight="${heading ? 650 : 500}" fill="${COLORS.text}"`);
    if (item === null) return;
    text(PAD + 8, y + 31, progressText(item.progress), `font-size="11" fill="${COLORS.muted}"`);
    text(PAD + NAME, y + 16, whenShort(item, item.likelyDate, map, year), `font-size="12" font-weight="600" fill="${COLORS.text}"`);
    if (item.state === 'open') text(PAD + NAME, y + 31, `85 %: ${whenShort(item, item.safeDate, map, year)}`, `font-size="11" fill="${COLORS.muted}"`);
    const span = barSpan(item, columns);
    if (span === null) return;
    const height = heading ? 6 : 12;
    const barY = y + (ROW - height) / 2;
    if (span.safe > span.likely) parts.push(`<rect x="${track + span.likely * COLUMN - 4}" y="${barY}" width="${(span.safe - span.likely) * COLUMN + 4}" height="${height}" rx="${height / 2}" fill="${COLORS.safe}"/>`);
    parts.push(`<rect x="${track + span.from * COLUMN + 2}" y="${barY}" width="${(span.likely - span.from) * COLUMN - 4}" height="${height}" rx="${height / 2}" fill="${heading ? COLORS.muted : COLORS.bar}"${span.beyond ? ' fill-opacity="0.45"' : ''}/>`);
  };
  for (const theme of themes) {
    row(theme.theme, theme.title, true);
    y += ROW;
    for (const epic of theme.epics) {
      row(epic, epic.title || 'Untitled', false);
      y += ROW;
    }
  }
  // Column lines behind the bars, drawn now that the height is known.
  const grid = map.sprints.slice(0, columns).map((_, index) => `<line x1="${track + index * COLUMN}" y1="${top}" x2="${track + index * COLUMN}" y2="${y}" stroke="${COLORS.border}"/>`);
  if (done.length > 0) {
    y += 26;
    text(PAD, y, `Done (${done.length})`, `font-size="13" font-weight="650" fill="${COLORS.text}"`);
    for (const line of wrap(done.map((epic) => `${shorten(epic.title || 'Untitled', 40)} (${progressText(epic.progress)})`).join(' · '), Math.floor((width - PAD * 2) / 6.4))) {
      y += 18;
      text(PAD, y, line, `font-size="12" fill="${COLORS.muted}"`);
    }
  }
  const height = y + PAD;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}"><rect width="100%" height="100%" fill="${COLORS.bg}"/>${grid.join('')}${parts.join('')}</svg>`;
  return { svg, width, height };
}

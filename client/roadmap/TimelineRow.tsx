/**
 * One row of the roadmap's table: an epic (or a theme's heading) with its
 * progress, when it is likely done, and its bar across the coming sprints:
 * solid from where work likely starts to the sprint it is likely done by
 * (50 %), lighter on to the one it is almost surely done by (85 %).
 */
import { progressText, type Roadmap, type RoadmapRow } from '../../shared/index.js';
import { displayText } from '../ui/text.js';
import { UserText } from '../ui/UserText.js';
import { barSpan } from './layout.js';
import { rowInWords, whenShort } from './words.js';

const share = (columns: number, total: number) => `${(columns / total) * 100}%`;

export function TimelineRow({ row, map, columns, year, heading, onOpen }: { row: RoadmapRow; map: Roadmap; columns: number; year: string; heading: boolean; onOpen: (id: string) => void }) {
  const span = barSpan(row, columns);
  const title = displayText(row.title) || 'Untitled';
  const data = heading ? { 'data-theme-row': row.id } : { 'data-epic': row.id };
  return (
    <tr className={heading ? 'roadmap-row roadmap-theme' : 'roadmap-row'} data-state={row.state} data-epic-start={row.startDate ?? ''} data-epic-likely={row.likelyDate ?? (row.state === 'open' ? 'beyond' : row.state)} data-epic-safe={row.safeDate ?? (row.state === 'open' ? 'beyond' : row.state)} {...data}>
      <th scope="row" className="roadmap-name">
        <button type="button" className="roadmap-title" onClick={() => onOpen(row.id)} title={title}>
          <UserText text={row.title || 'Untitled'} max={80} />
        </button>
        <span className="roadmap-progress">{progressText(row.progress)}</span>
      </th>
      <td className="roadmap-when">
        <span className="roadmap-likely">{whenShort(row, row.likelyDate, map, year)}</span>
        {row.state === 'open' && <span className="roadmap-safe">85 %: {whenShort(row, row.safeDate, map, year)}</span>}
      </td>
      <td className="roadmap-track" colSpan={columns}>
        {span && (
          <span className="roadmap-bars" role="img" aria-label={rowInWords(title, row, map)} onClick={() => onOpen(row.id)}>
            <span className={span.beyond ? 'roadmap-bar roadmap-bar-beyond' : 'roadmap-bar'} style={{ left: share(span.from, columns), width: share(span.likely - span.from, columns) }} />
            {span.safe > span.likely && <span className="roadmap-bar-safe" style={{ left: share(span.likely, columns), width: share(span.safe - span.likely, columns) }} />}
            {span.cut && <span className="roadmap-cut" aria-hidden="true">›</span>}
          </span>
        )}
      </td>
    </tr>
  );
}

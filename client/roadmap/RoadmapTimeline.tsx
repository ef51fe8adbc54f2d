/**
 * The roadmap's timeline as a table: a column per coming sprint, headed by
 * the date it ends; a row group per theme (its heading row, then its
 * epics). A table reads row by row with a screen reader, each bar in words.
 */
import type { Roadmap, RoadmapTheme } from '../../shared/index.js';
import { shortDate, dateInWords } from './dates.js';
import { columnCount } from './layout.js';
import { TimelineRow } from './TimelineRow.js';

export function RoadmapTimeline({ map, themes, today, onOpen }: { map: Roadmap; themes: RoadmapTheme[]; today: string; onOpen: (id: string) => void }) {
  const columns = columnCount(map);
  const year = today.slice(0, 4);
  const sprints = map.sprints.slice(0, columns);
  return (
    <div className="roadmap-scroll">
      <table className="roadmap-table" style={{ minWidth: `calc(var(--roadmap-fixed) + ${columns} * var(--roadmap-column))`, '--columns': columns } as React.CSSProperties}>
        <caption className="sr-only">Epics by theme across the coming sprints: when each is likely done (50 %) and almost surely done (85 %)</caption>
        <colgroup>
          <col className="roadmap-col-name" />
          <col className="roadmap-col-when" />
          {sprints.map((sprint) => (
            <col key={sprint.number} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="roadmap-name">
              Epic
            </th>
            <th scope="col" className="roadmap-when">
              Likely done
            </th>
            {sprints.map((sprint, index) => (
              <th key={sprint.number} scope="col" className="roadmap-sprint" data-sprint-end={sprint.end} title={`${sprint.name}: ${dateInWords(sprint.start)} to ${dateInWords(sprint.end)}`}>
                {(index === 0 || sprint.end.slice(0, 4) !== sprints[index - 1]!.end.slice(0, 4)) && (
                  <span className="roadmap-year" aria-hidden="true">
                    {sprint.end.slice(0, 4)}
                  </span>
                )}
                <span className="sr-only">{sprint.name}, ends </span>
                {shortDate(sprint.end, false)}
                <span className="sr-only"> {sprint.end.slice(0, 4)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {themes.map((theme) => (
          <tbody key={theme.theme?.id ?? ''} aria-label={theme.title}>
            {theme.theme ? (
              <TimelineRow row={theme.theme} map={map} columns={columns} year={year} heading onOpen={onOpen} />
            ) : (
              <tr className="roadmap-row roadmap-theme roadmap-no-theme">
                <th scope="row" className="roadmap-name">
                  No theme
                </th>
                <td className="roadmap-when" />
                <td className="roadmap-track" colSpan={columns} />
              </tr>
            )}
            {theme.epics.map((epic) => (
              <TimelineRow key={epic.id} row={epic} map={map} columns={columns} year={year} heading={false} onOpen={onOpen} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

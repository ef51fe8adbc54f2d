/** Cut lines across the backlog: where each coming sprint is expected to end, drawn above the first item past it. */
import { ROW_HEIGHT } from '../board/BacklogRow.js';

export function CutLines({ lines, indexOf }: { lines: readonly { beforeId: string; name: string }[]; indexOf: Map<string, number> }) {
  return (
    <>
      {lines.map((line) => {
        const index = indexOf.get(line.beforeId);
        if (index === undefined) return null;
        return (
          // Over the first row the label hangs below the line, where the list header cannot cover it.
          <div key={`${line.beforeId}:${line.name}`} className={index === 0 ? 'cut-line cut-line-first' : 'cut-line'} data-cut-line={line.name} style={{ top: index * ROW_HEIGHT }} aria-hidden="true">
            <span>{line.name} ends here</span>
          </div>
        );
      })}
    </>
  );
}

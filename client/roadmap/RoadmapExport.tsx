/** The roadmap's two exports: a Markdown document (roadmapMarkdown) and a picture of the timeline (roadmapSvg, as PNG). */
import { roadmapMarkdown, type Roadmap } from '../../shared/index.js';
import { EXPORT_FILES, downloadText } from '../export/download.js';
import { downloadImage } from './downloadImage.js';
import { roadmapSvg } from './roadmapSvg.js';

export function RoadmapExport({ map, boardName, today, assumptions }: { map: Roadmap; boardName: string; today: string; assumptions: string }) {
  const options = { boardName, today, assumptions };
  return (
    <div className="roadmap-export" role="group" aria-label="Export the roadmap">
      <button type="button" className="button-secondary" onClick={() => downloadText(roadmapMarkdown(map, options), 'roadmap.md', EXPORT_FILES.markdown.type)}>
        Markdown
      </button>
      <button type="button" className="button-secondary" onClick={() => void downloadImage(roadmapSvg(map, options), 'roadmap')}>
        Image
      </button>
    </div>
  );
}

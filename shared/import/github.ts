/**
 * GitHub issues as JSON: the REST API's issue objects (snake_case,
 * `html_url`, state `open`/`closed`, pull requests marked by a
 * `pull_request` key) or `gh issue list --json ...` output (camelCase, `url`,
 * state `OPEN`/`CLOSED`); an array or a single issue. An issue's key is
 * `owner/repo#number`, from its URL.
 */
import { Warnings, cleanDescription, cleanLabels, cleanTitle } from './fields.js';
import { extractCriteria } from './criteria.js';
import { parseTrackerDate } from './dates.js';
import { webUrl } from './source.js';
import type { ImportIssue, PlannedItem } from './types.js';

export function planGithub(data: unknown, warnings: Warnings): { items: PlannedItem[]; errors: ImportIssue[] } {
  const list = Array.isArray(data) ? data : [data];
  if (list.some((entry) => typeof entry !== 'object' || entry === null || typeof (entry as { title?: unknown }).title !== 'string')) {
    return { items: [], errors: [{ row: null, message: 'not a list of GitHub issues: each entry needs at least a "title" (export with the REST API or `gh issue list --json number,title,body,state,labels,url`)' }] };
  }
  const items: PlannedItem[] = [];
  list.forEach((raw: Record<string, unknown>, index) => {
    const row = index + 1;
    if (raw.pull_request !== undefined) {
      warnings.add(row, `#${String(raw.number)} is a pull request: skipped`);
      return;
    }
    const title = cleanTitle(raw.title as string, row, warnings);
    if (title === null) return;
    // REST has the page in html_url (its url is the API's); gh has it in url.
    const url = webUrl(raw.html_url) ?? (typeof raw.url === 'string' && !raw.url.includes('api.github.com') ? webUrl(raw.url) : undefined);
    const repo = url ? /github\.com\/([^/]+\/[^/]+)\//.exec(url)?.[1] : undefined;
    const number = typeof raw.number === 'number' ? raw.number : undefined;
    const key = number !== undefined ? `${repo ?? ''}#${number}` : (url ?? `row:${row}`);
    const labels = cleanLabels(
      (Array.isArray(raw.labels) ? raw.labels : []).map((label: unknown) => (typeof label === 'string' ? label : typeof (label as { name?: unknown })?.name === 'string' ? (label as { name: string }).name : '')),
      row,
      warnings,
    );
    const lower = labels.map((label) => label.toLowerCase());
    const kind = lower.includes('epic') ? 'epic' : lower.includes('bug') ? 'bug' : lower.includes('enhancement') ? 'enhancement' : undefined;
    const { description, criteria } = extractCriteria(typeof raw.body === 'string' ? raw.body : '');
    const created = parseTrackerDate(typeof raw.created_at === 'string' ? raw.created_at : typeof raw.createdAt === 'string' ? raw.createdAt : undefined);
    const updated = parseTrackerDate(typeof raw.updated_at === 'string' ? raw.updated_at : typeof raw.updatedAt === 'string' ? raw.updatedAt : undefined);
    const state = typeof raw.state === 'string' ? raw.state.toLowerCase() : '';
    items.push({
      row,
      source: { system: 'github', key, ...(url ? { url } : {}), importedTitle: title },
      fields: {
        title,
        description: cleanDescription(description, row, warnings),
        ...(kind ? { kind } : {}),
        ...(state ? { status: state === 'closed' ? ('done' as const) : ('new' as const) } : {}),
        labels,
        acceptanceCriteria: criteria,
        ...(created !== null ? { createdAt: created } : {}),
        ...(updated !== null ? { updatedAt: updated } : {}),
      },
      parentKey: null,
    });
  });
  return { items, errors: [] };
}

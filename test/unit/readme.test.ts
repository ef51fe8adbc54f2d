/**
 * The README's configuration table is one table (a blank line inside a
 * Markdown table ends it, and the rows after it show as text) and names
 * every environment variable the relay and `npm run invite` read.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function variablesRead(): string[] {
  const names = new Set<string>();
  for (const file of ['server/config.ts', 'server/tls.ts', 'server/invite-cli.ts']) {
    for (const match of read(file).matchAll(/\benv\.([A-Z][A-Z_]+)|\benv, '([A-Z][A-Z_]+)'/g)) names.add(match[1] ?? match[2]!);
  }
  return [...names].sort();
}

describe('README configuration', () => {
  it('is one table that lists every variable', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const lines = section.split('\n');
    const first = lines.findIndex((line) => line.startsWith('|'));
    const last = lines.findLastIndex((line) => line.startsWith('|'));
    const table = lines.slice(first, last + 1);
    expect(table.filter((line) => !line.startsWith('|')), 'lines inside the table that are not rows').toEqual([]);
    const rows = table.slice(2).join('\n');
    const names = variablesRead();
    expect(names).toContain('AUTH_SECRET');
    expect(names.filter((name) => !rows.includes(`\`${name}\``)), 'variables missing from the table').toEqual([]);
  });
});

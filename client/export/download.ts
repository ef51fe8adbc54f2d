/** Saves text as a file the browser downloads (a Blob URL on a temporary link, released at once). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const EXPORT_FILES = {
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  json: { extension: 'json', type: 'application/json' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  'estimates-csv': { extension: 'csv', type: 'text/csv;charset=utf-8' },
} as const;

/** A file name from the board's title: letters, digits and dashes. */
export function exportFileName(title: string, suffix: string, extension: string): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'backlog';
  return `${base}${suffix}.${extension}`;
}

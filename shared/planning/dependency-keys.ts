/** Where an item keeps what it waits for (dependencies.ts): one key per dependency, so concurrent additions merge. */
export const DEPENDS_PREFIX = 'dependsOn:';

/** The ids an item's map says it waits for. */
export function readDependencies(item: { forEach(f: (value: unknown, key: string) => void): void }): string[] {
  const out: string[] = [];
  item.forEach((value, key) => {
    if (value === true && key.startsWith(DEPENDS_PREFIX)) out.push(key.slice(DEPENDS_PREFIX.length));
  });
  return out.sort();
}

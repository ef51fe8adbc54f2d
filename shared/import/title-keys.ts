/**
 * Keys for items that have no key of their own (plain text lines, spreadsheet
 * rows without an id column): the title, with case and spacing ignored, and
 * a count for a title that comes again in the same file ("fix login #2").
 * Importing the same list again then finds the same items.
 */
export class TitleKeys {
  private readonly seen = new Map<string, number>();

  next(title: string): string {
    const base = title.toLowerCase().replace(/\s+/g, ' ').trim();
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base} #${count}`;
  }
}

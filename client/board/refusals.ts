/**
 * A message from the model (shared/ throws Errors such as `updateItem
 * "k3Xb…": estimate "banana" is neither …`), put for the person who asked:
 * without the function's name, and with item ids replaced by titles.
 */
import { shorten } from '../ui/text.js';

export function describeRefusal(message: string, titleOf: (id: string) => string | undefined): string {
  const withoutCaller = message.replace(/^[a-zA-Z]+(?: "[^"]*")?: /, '');
  const withTitles = withoutCaller.replace(/"([^"]+)"/g, (quoted, id: string) => {
    const title = titleOf(id);
    return title === undefined ? `“${id}”` : `“${shorten(title, 40) || 'Untitled'}”`;
  });
  return withTitles.charAt(0).toUpperCase() + withTitles.slice(1);
}

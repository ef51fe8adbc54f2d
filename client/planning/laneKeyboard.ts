/**
 * Arrow keys on the sprint board while carrying an item: up and down move
 * between rows as in any sortable list (dnd-kit's sortable coordinates);
 * left and right cross to the next lane in one press. dnd-kit's own rule
 * only looks for targets left or right of the carried row's edge, and the
 * row's own lane starts a few pixels further out, so a press would land on
 * the same lane; the current lane and its rows are left out of the search.
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

export const laneKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== 'ArrowLeft' && event.code !== 'ArrowRight') return sortableKeyboardCoordinates(event, args);
  const { context } = args;
  const lane: unknown = context.over?.data.current?.lane ?? context.active?.data.current?.lane;
  const all = context.droppableContainers;
  // The two methods the sortable coordinates call, over the other lanes only.
  const elsewhere = {
    get: (id: Parameters<typeof all.get>[0]) => all.get(id),
    getEnabled: () => all.getEnabled().filter((entry) => entry.data.current?.lane !== lane),
  } as unknown as typeof all;
  return sortableKeyboardCoordinates(event, { ...args, context: { ...context, droppableContainers: elsewhere } });
};

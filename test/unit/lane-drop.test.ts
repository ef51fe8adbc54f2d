import { describe, expect, it } from 'vitest';
import { BACKLOG_LANE, laneDrop } from '../../client/planning/laneDrop.js';

describe('a drop on the sprint board', () => {
  it('reorders within a lane: after the row when coming from above, before it from below', () => {
    expect(laneDrop({ block: ['a'], fromLane: 's1', toLane: 's1', overItem: 'b', cameFromAbove: true })).toEqual({ place: { after: 'b' } });
    expect(laneDrop({ block: ['a'], fromLane: BACKLOG_LANE, toLane: BACKLOG_LANE, overItem: 'b', cameFromAbove: false })).toEqual({ place: { before: 'b' } });
  });

  it('does nothing when dropped on itself or on its own lane', () => {
    expect(laneDrop({ block: ['a', 'b'], fromLane: 's1', toLane: 's1', overItem: 'b', cameFromAbove: true })).toBeNull();
    expect(laneDrop({ block: ['a'], fromLane: 's1', toLane: 's1', overItem: null, cameFromAbove: true })).toBeNull();
  });

  it('commits to another sprint, before the row it lands on or in place when dropped on the lane', () => {
    expect(laneDrop({ block: ['a', 'b'], fromLane: BACKLOG_LANE, toLane: 's1', overItem: 'c', cameFromAbove: true })).toEqual({ sprint: 's1', place: { before: 'c' } });
    expect(laneDrop({ block: ['a'], fromLane: BACKLOG_LANE, toLane: 's1', overItem: null, cameFromAbove: false })).toEqual({ sprint: 's1', place: null });
  });

  it('returns to the product backlog', () => {
    expect(laneDrop({ block: ['a'], fromLane: 's1', toLane: BACKLOG_LANE, overItem: 'x', cameFromAbove: false })).toEqual({ sprint: null, place: { before: 'x' } });
    expect(laneDrop({ block: ['a'], fromLane: 's1', toLane: BACKLOG_LANE, overItem: null, cameFromAbove: false })).toEqual({ sprint: null, place: null });
  });
});

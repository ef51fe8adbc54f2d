/**
 * Writes Yjs updates (format V1) by hand, so that tests can send what no
 * honest client would: items claiming ids the board already has, items
 * anchored to edits that do not exist yet, deletions of future clocks.
 *
 *   update  = varUint(#clients) { varUint(#structs) varUint(client) varUint(clock) struct* }  deleteSet
 *   struct  = uint8(info) [origin id] [rightOrigin id] [parent (and key) when neither] content
 *             info: 0x80 origin, 0x40 right origin, 0x20 key (parentSub) present, low 5 bits content (8 = Any)
 *   parent  = varUint(1) varString(root name) | varUint(0) id
 *   deleteSet = varUint(#clients) { varUint(client) varUint(#ranges) { varUint(clock) varUint(len) } }
 */
import * as encoding from 'lib0/encoding';

export interface CraftedId {
  client: number;
  clock: number;
}

export interface CraftedItem {
  origin?: CraftedId;
  rightOrigin?: CraftedId;
  /** Written only when there is neither origin nor right origin. */
  parentRoot?: string;
  parentId?: CraftedId;
  parentSub?: string;
  /** ContentAny: one struct of this length. */
  values: unknown[];
}

export interface CraftedClient {
  client: number;
  clock: number;
  items: CraftedItem[];
}

export type CraftedDeletes = { client: number; ranges: [clock: number, length: number][] }[];

const writeId = (encoder: encoding.Encoder, id: CraftedId) => {
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, id.clock);
};

export function craftUpdate(clients: CraftedClient[], deletes: CraftedDeletes = []): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients.length);
  for (const { client, clock, items } of clients) {
    encoding.writeVarUint(encoder, items.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const item of items) {
      encoding.writeUint8(encoder, 8 | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (item.parentSub !== undefined ? 0x20 : 0));
      if (item.origin) writeId(encoder, item.origin);
      if (item.rightOrigin) writeId(encoder, item.rightOrigin);
      if (!item.origin && !item.rightOrigin) {
        if (item.parentRoot !== undefined) {
          encoding.writeVarUint(encoder, 1);
          encoding.writeVarString(encoder, item.parentRoot);
        } else {
          encoding.writeVarUint(encoder, 0);
          writeId(encoder, item.parentId!);
        }
        if (item.parentSub !== undefined) encoding.writeVarString(encoder, item.parentSub);
      }
      encoding.writeVarUint(encoder, item.values.length);
      for (const value of item.values) encoding.writeAny(encoder, value as never);
    }
  }
  encoding.writeVarUint(encoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Sealed votes without WebCrypto. Browsers give `crypto.subtle` only to
 * secure contexts (HTTPS, localhost), so a teammate on http://<LAN address>
 * has none; sealing runs on audited pure-JavaScript code (@noble) instead,
 * with the same scheme and wire format, so votes in existing boards, sealed
 * by the WebCrypto code before, still open, and the other way round.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateRoundKeys, openVote, sealVote, type PrivateKey, type SealedVote } from '../../shared/index.js';
import * as webcrypto from '../helpers/webcrypto-seal.js';

/** A vote round as the WebCrypto code sealed it, stored before the change (cards 13, ½ and ☕). */
const STORED: { privateKey: PrivateKey; votes: Record<string, SealedVote> } = {
  "privateKey": {
    "kty": "EC",
    "crv": "P-256",
    "x": "HzyAwhYz8-88bhTDyNgJBQnaPuP51YZgrjhBcduqXh0",
    "y": "2RQSiaGC8SSa5v8nwi1M6rrwjuh11mGj0am08W5Gm-M",
    "d": "ixbdtvVqAI-krk6vYfeVN_dp8vcLzhNN4fwERrk8OTQ"
  },
  "votes": {
    "ana": {
      "epk": {
        "kty": "EC",
        "crv": "P-256",
        "x": "0whda2qWkRrrdhvPsgsaS5hNcl2YE9dsUukj-Aros8w",
        "y": "zYsj_hNTUFln2stKsJgUp84S_bLUUb8egDClJ5RfsMg"
      },
      "iv": "DKP/eyIFb1KjoQbI",
      "ct": "1RKnJUp4LCD4KwAcYkfV11lKAuolvK9C6A5ORqSbgL4A+0hS/WjRDoBAL7GoR7hTHYLiA5ZO8R7OwOkm+sgB24GjdMDwj5z1PGmpsFehYAA="
    },
    "ben": {
      "epk": {
        "kty": "EC",
        "crv": "P-256",
        "x": "0gTQ8zmh4hFltB5oDRrHA1GmIt1ta02-ekyGb6vHuO8",
        "y": "t_nZC8XjDmaL1jI-L7w6TBh2VjwsG0calN2Jsb2uryo"
      },
      "iv": "mxNBp5pKU1QSOd6K",
      "ct": "SHft+RoL6BiAZb4nPF21x3mjabxHKfRe/yHPmJWR3AaGivi2K1VAfGBigs7imBnKJu4MyfZKOsytzGWwEGbP1xMl20x9POpadZdYOK+QDsw="
    },
    "cy": {
      "epk": {
        "kty": "EC",
        "crv": "P-256",
        "x": "mZGG7M81n7tMosi1iQXFbe_uGbjhA2xoTebCHF98X1s",
        "y": "gcO-gkU-SQnVzKSy73l0u21BBWZMYTrfK2pXGNYj_AI"
      },
      "iv": "qOHY/MG9w5J9Q+iW",
      "ct": "zXMgYEbZyJHT2MyL8ED7okfSFbc+inA/4lhkq29DQHrJ70fwNVyy0aD9tgUO8cuY55ell3gI/WweSQmwd2/MztQ/V54bj/PsffXkP4OO8mI="
    }
  }
};

const realCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;

/** What a page served over plain HTTP from a LAN address has: random numbers, no `subtle`. */
function insecureContext(): void {
  const { getRandomValues } = globalThis.crypto;
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true,
    get: () => ({ getRandomValues: getRandomValues.bind(realCrypto.get!.call(globalThis)) }) as unknown as Crypto,
  });
}

afterEach(() => {
  Object.defineProperty(globalThis, 'crypto', realCrypto);
});

describe('sealed votes without WebCrypto', () => {
  it('makes round keys, seals and opens where crypto.subtle is missing', async () => {
    insecureContext();
    expect(globalThis.crypto.subtle).toBeUndefined();
    const keys = await generateRoundKeys();
    expect(keys.publicKey).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String) });
    const sealed = await sealVote(keys.publicKey, '8', { roundId: 'r1', voter: 'ana' });
    expect(await openVote(keys.privateKey, sealed, { roundId: 'r1', voter: 'ana' })).toBe('8');
    await expect(openVote(keys.privateKey, sealed, { roundId: 'r1', voter: 'ben' })).rejects.toThrow();
    await expect(openVote((await generateRoundKeys()).privateKey, sealed, { roundId: 'r1', voter: 'ana' })).rejects.toThrow();
  });

  it('opens votes that existing boards hold, sealed with WebCrypto before the change', async () => {
    insecureContext();
    const cards: Record<string, string> = {};
    for (const [voter, sealed] of Object.entries(STORED.votes)) cards[voter] = await openVote(STORED.privateKey, sealed, { roundId: 'round-1', voter });
    expect(cards).toEqual({ ana: '13', ben: '½', cy: '☕' });
  });

  it('interoperates with the WebCrypto code both ways, whoever made the round keys', async () => {
    const context = { roundId: 'r7', voter: 'vic' };
    for (const makeKeys of [generateRoundKeys, webcrypto.generateRoundKeys]) {
      const keys = await makeKeys();
      for (const card of ['1', '100', 'XXL', '?', '☕', 'x'.repeat(63)]) {
        expect(await webcrypto.openVote(keys.privateKey, await sealVote(keys.publicKey, card, context), context)).toBe(card);
        expect(await openVote(keys.privateKey, await webcrypto.sealVote(keys.publicKey, card, context), context)).toBe(card);
      }
    }
  });

  it('refuses altered votes and keys that are not P-256 points', async () => {
    const keys = await generateRoundKeys();
    const context = { roundId: 'r', voter: 'v' };
    const sealed = await sealVote(keys.publicKey, '3', context);
    const flipped = atob(sealed.ct);
    const altered = { ...sealed, ct: btoa(String.fromCharCode(flipped.charCodeAt(0) ^ 1) + flipped.slice(1)) };
    await expect(openVote(keys.privateKey, altered, context)).rejects.toThrow();
    await expect(openVote(keys.privateKey, { ...sealed, epk: { ...sealed.epk, y: sealed.epk.x } }, context)).rejects.toThrow();
    await expect(openVote(keys.privateKey, { ...sealed, epk: { ...sealed.epk, crv: 'P-384' } }, context)).rejects.toThrow();
    await expect(sealVote({ ...keys.publicKey, x: 'AAAA' }, '3', context)).rejects.toThrow();
    await expect(sealVote(keys.publicKey, '', context)).rejects.toThrow();
  });
});

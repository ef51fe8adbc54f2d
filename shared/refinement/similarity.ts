/**
 * The duplicate finder's index: the items of a board ranked by field-weighted
 * BM25 (BM25F) against a query, built and kept up to date one item at a time.
 *
 * Ranking. For a query term t and an item d, the term's frequency in each field
 * f (title, description, acceptance criteria) is normalised by that field's
 * length against its average over the index, weighted, and summed:
 *
 *     tf(t, d) = Σ_f  w_f · tf_f(t, d) / (1 − b_f + b_f · len_f(d) / avglen_f)
 *
 * then saturated once, over the combined frequency, and weighted by the term's
 * rarity among the indexed items and by how often the query says it:
 *
 *     score(q, d) = Σ_{t ∈ q}  idf(t) · qw(t) · tf(t, d) / (k1 + tf(t, d))
 *     idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))       (never negative)
 *     qw(t)  = (k3 + 1) · qtf(t) / (k3 + qtf(t))                 (k3 = 0: each query term once)
 *
 * This is the BM25F of Robertson, Zaragoza and Taylor (2004) with the query
 * term weighting of REP (Sun et al., ASE 2011), the strongest published method
 * on real Jira duplicates (Zhang et al., TOSEM 2023).
 *
 * Incremental. The index keeps, per term, the items holding it with their
 * per-field counts (postings), and per field the total length; the parameters
 * and the averages enter only when a query is scored. So add and remove touch
 * only the item's own terms, and a query reads only the postings of its terms
 * (those of its most common terms only in part, exactly: see `similar` below).
 *
 * Pure and synchronous: no I/O and no node: imports, so that it runs in a
 * browser Web Worker as well as in Node.
 */
import { retrievalWords } from './tokens.js';

/** The fields an item is indexed by, in this order everywhere below. */
export const SIMILARITY_FIELDS = ['title', 'description', 'acceptanceCriteria'] as const;
export type SimilarityField = (typeof SIMILARITY_FIELDS)[number];

/** A field's weight w_f (how much one occurrence counts) and length normalisation b_f (0: none, 1: full). */
export interface FieldParameters {
  weight: number;
  b: number;
}

/** Every parameter of the ranking. */
export interface SimilarityParameters {
  /** Saturation of the combined term frequency: small, a repeated term adds little. */
  k1: number;
  /** Saturation of a term's count in the query; 0 counts each query term once. */
  k3: number;
  fields: Record<SimilarityField, FieldParameters>;
}

/** What `createSimilarityIndex` accepts: any parameter left out keeps its default. */
export interface SimilarityOptions {
  k1?: number;
  k3?: number;
  fields?: Partial<Record<SimilarityField, Partial<FieldParameters>>>;
}

/**
 * The defaults, tuned on the Hadoop training pairs only
 * (../shared/data/jira-duplicates/hadoop_bugs-train.csv: 100 rows, 61
 * distinct pairs, with the reports of hadoop_bugs.csv; the later report of a
 * pair is the query, every report created before it a candidate): a
 * coordinate search from the textbook values (UNTUNED_SIMILARITY_PARAMETERS)
 * for the highest MRR, over k1, k3, the title's weight (the description's
 * staying 1) and each field's b, on a small grid, round after round
 * (eval/duplicates.ts reruns it and reports in EVALUATION.md). It took the
 * MRR from 0.62 to 0.75 on those pairs; redone in 5-fold cross-validation it
 * reached 0.72 on the held-out folds, the fairer guess for new data. What it
 * says: a title word counts about twelve times a description word; long
 * fields are fully normalised for length (b 1); term frequency saturates
 * late (k1 10); a word the query repeats counts a little more (k3 1). Bug
 * reports have no acceptance criteria, so their parameters follow the
 * description's, untested.
 */
export const DEFAULT_SIMILARITY_PARAMETERS: SimilarityParameters = {
  k1: 10,
  k3: 1,
  fields: {
    title: { weight: 12, b: 1 },
    description: { weight: 1, b: 1 },
    acceptanceCriteria: { weight: 1, b: 1 },
  },
};

/**
 * Textbook BM25 values (k1 1.2, b 0.75 in every field, every field weighing
 * the same, each query term once): the untuned baseline the evaluation
 * reports beside the tuned defaults.
 */
export const UNTUNED_SIMILARITY_PARAMETERS: SimilarityParameters = {
  k1: 1.2,
  k3: 0,
  fields: Object.fromEntries(SIMILARITY_FIELDS.map((field) => [field, { weight: 1, b: 0.75 }])) as Record<SimilarityField, FieldParameters>,
};

/** An item as the index reads it. Only these fields count; anything else on the object is ignored. */
export interface SimilarityItem {
  id: string;
  title: string;
  description?: string;
  acceptanceCriteria?: string[];
}

/** A query: a title being typed, or an item's title and description. */
export interface SimilarityQuery {
  title: string;
  description?: string;
}

export interface SimilarityHit {
  id: string;
  /** The BM25F score: only comparable between results of the same query on the same index. */
  score: number;
}

export interface SimilarityIndex {
  /** How many items are indexed. */
  readonly size: number;
  /**
   * Indexes an item; an item already there under the same id is replaced.
   * Throws a TypeError naming the bad field (non-string or empty id, non-string
   * title or description, acceptance criteria not an array of strings), and
   * then leaves the index as it was.
   */
  add(item: SimilarityItem): void;
  /** Forgets an item; an id that is not indexed is ignored. Throws a TypeError if id is not a string. */
  remove(id: string): void;
  /**
   * The k indexed items most similar to the query, best first; ties (equal
   * scores) in ascending id order, so the same index and query always give
   * the same list. Only items sharing at least one term with the query are
   * returned, so there may be fewer than k. `exclude` leaves ids out (the
   * item itself, when asking for an existing item's duplicates). Throws a
   * TypeError naming the bad argument (k not a positive integer, title not a
   * string, …); it never changes the index.
   */
  similar(query: SimilarityQuery, k: number, options?: { exclude?: string[] }): SimilarityHit[];
  /**
   * For highlighting: the query's words, as typed, that matched item `id`
   * (their term occurs in one of its fields), each distinct word (ignoring
   * case) once, in the order of the query (title, then description). Empty for an id that is not indexed.
   * To highlight the item's side, run its text through `retrievalWords` and
   * mark the words whose term equals the term of a matched query word.
   */
  matches(query: SimilarityQuery, id: string): string[];
}

/** The per-field counts of one term in one item: [title, description, acceptance criteria]. */
type FieldCounts = [number, number, number];

interface Entry {
  id: string;
  /** Where the entry's score accumulates during a query; slots of removed entries are reused. */
  slot: number;
  /** Field lengths in terms: title, description, acceptance criteria. */
  l0: number;
  l1: number;
  l2: number;
  terms: Map<string, FieldCounts>;
}

/** An item already turned into terms, per field. */
export interface AnalysedItem {
  id: string;
  fields: [string[], string[], string[]];
}

/**
 * The ranking over items already turned into terms. `createSimilarityIndex`
 * wraps it with the tokenizer; the evaluation uses it directly, so that tuning
 * does not tokenize every report again for every parameter set it tries.
 */
export interface TermIndex {
  readonly size: number;
  add(item: AnalysedItem): void;
  remove(id: string): void;
  has(id: string): boolean;
  /** The k best items for a query given as its terms (repeats count, through k3). */
  similar(queryTerms: readonly string[], k: number, exclude?: ReadonlySet<string>): SimilarityHit[];
  /** The distinct terms of item id, or an empty set. */
  termsOf(id: string): ReadonlySet<string>;
}

/** The parameters with every option filled in, checked: weights finite and non-negative, b within 0 to 1, k1 above 0. */
export function similarityParameters(options: SimilarityOptions = {}): SimilarityParameters {
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object; got ${describe(options)}`);
  const number = (name: string, value: unknown, fallback: number, min: number, max: number, minOpen = false): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (minOpen && value === min)) {
      throw new TypeError(`${name} must be a finite number ${minOpen ? 'above' : 'from'} ${min}${Number.isFinite(max) ? ` to ${max}` : ''}; got ${describe(value)}`);
    }
    return value;
  };
  const defaults = DEFAULT_SIMILARITY_PARAMETERS;
  const given = options.fields ?? {};
  if (given === null || typeof given !== 'object') throw new TypeError(`fields must be an object; got ${describe(given)}`);
  const fields = {} as Record<SimilarityField, FieldParameters>;
  for (const field of SIMILARITY_FIELDS) {
    const own = given[field] ?? {};
    if (own === null || typeof own !== 'object') throw new TypeError(`fields.${field} must be an object; got ${describe(own)}`);
    fields[field] = {
      weight: number(`fields.${field}.weight`, own.weight, defaults.fields[field].weight, 0, Infinity),
      b: number(`fields.${field}.b`, own.b, defaults.fields[field].b, 0, 1),
    };
  }
  return {
    k1: number('k1', options.k1, defaults.k1, 0, Infinity, true),
    k3: number('k3', options.k3, defaults.k3, 0, Infinity),
    fields,
  };
}

/** The BM25F ranking over analysed items; see the top of this file. */
export function createTermIndex(parameters: SimilarityParameters = DEFAULT_SIMILARITY_PARAMETERS): TermIndex {
  const { k1, k3 } = parameters;
  const weights = SIMILARITY_FIELDS.map((field) => parameters.fields[field].weight);
  const bs = SIMILARITY_FIELDS.map((field) => parameters.fields[field].b);
  const entries = new Map<string, Entry>();
  const postings = new Map<string, Map<Entry, FieldCounts>>();
  const totals: FieldCounts = [0, 0, 0];
  // Score accumulators by slot, marked with the query they belong to, so a query clears only what it touched.
  const bySlot: (Entry | undefined)[] = [];
  const freeSlots: number[] = [];
  let scores = new Float64Array(64);
  let marks = new Uint32Array(64);
  let query = 0;

  function remove(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    for (const term of entry.terms.keys()) {
      const posting = postings.get(term)!;
      posting.delete(entry);
      if (posting.size === 0) postings.delete(term);
    }
    totals[0] -= entry.l0;
    totals[1] -= entry.l1;
    totals[2] -= entry.l2;
    entries.delete(id);
    bySlot[entry.slot] = undefined;
    freeSlots.push(entry.slot);
    // Lengths are whole numbers, so the totals stay exact; an empty index starts again from zero.
    if (entries.size === 0) totals.fill(0);
  }

  function add(item: AnalysedItem): void {
    remove(item.id);
    const terms = new Map<string, FieldCounts>();
    for (let f = 0; f < 3; f++) {
      for (const term of item.fields[f]!) {
        let counts = terms.get(term);
        if (!counts) terms.set(term, (counts = [0, 0, 0]));
        counts[f]!++;
      }
    }
    const slot = freeSlots.pop() ?? bySlot.length;
    if (slot >= scores.length) {
      const grown = new Float64Array(scores.length * 2);
      grown.set(scores);
      scores = grown;
      const grownMarks = new Uint32Array(marks.length * 2);
      grownMarks.set(marks);
      marks = grownMarks;
    }
    const entry: Entry = { id: item.id, slot, l0: item.fields[0].length, l1: item.fields[1].length, l2: item.fields[2].length, terms };
    bySlot[slot] = entry;
    for (const [term, counts] of terms) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = new Map()));
      posting.set(entry, counts);
    }
    totals[0] += entry.l0;
    totals[1] += entry.l1;
    totals[2] += entry.l2;
    entries.set(item.id, entry);
  }

  /**
   * Term at a time, rarest (highest-weighted) terms first. A term adds less
   * than its weight to any item, so once the k-th best score so far is at
   * least the sum of the weights still to come, no item untouched so far can
   * reach the first k (not even as a tie): the remaining terms then only
   * update the items already scored. The result is exactly that of scoring
   * every posting; the common terms, whose postings are the longest, are
   * the ones this skips.
   */
  function similar(queryTerms: readonly string[], k: number, exclude?: ReadonlySet<string>): SimilarityHit[] {
    const n = entries.size;
    if (n === 0 || queryTerms.length === 0) return [];
    const counts = new Map<string, number>();
    for (const term of queryTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const terms: { term: string; posting: Map<Entry, FieldCounts>; weight: number }[] = [];
    for (const [term, qtf] of counts) {
      const posting = postings.get(term);
      if (!posting) continue;
      const df = posting.size;
      terms.push({ term, posting, weight: Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (k3 === 0 ? 1 : ((k3 + 1) * qtf) / (k3 + qtf)) });
    }
    terms.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const rest = new Float64Array(terms.length + 1);
    for (let i = terms.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + terms[i]!.weight;
    // 1 − b_f + b_f · len_f(d) / avglen_f  =  c_f + s_f · len_f(d), with the constants folded once per query.
    const [w0, w1, w2] = weights as [number, number, number];
    const [c0, c1, c2] = bs.map((b) => 1 - b!) as [number, number, number];
    const [s0, s1, s2] = [0, 1, 2].map((f) => (totals[f]! > 0 ? (bs[f]! * n) / totals[f]! : 0)) as [number, number, number];
    query = (query + 1) >>> 0 || 1;
    const stamp = query;
    const touched: number[] = [];
    let closed = false;
    let highest = 0;
    let checkedAt = Infinity;
    const score = (tf: FieldCounts, entry: Entry, weight: number) => {
      let combined = 0;
      if (tf[0] > 0) combined += (w0 * tf[0]) / (c0 + s0 * entry.l0);
      if (tf[1] > 0) combined += (w1 * tf[1]) / (c1 + s1 * entry.l1);
      if (tf[2] > 0) combined += (w2 * tf[2]) / (c2 + s2 * entry.l2);
      if (!(combined > 0)) return;
      const slot = entry.slot;
      if (marks[slot] !== stamp) {
        marks[slot] = stamp;
        scores[slot] = 0;
        touched.push(slot);
      }
      const total = (scores[slot]! += (weight * combined) / (k1 + combined));
      if (total > highest) highest = total;
    };
    for (let i = 0; i < terms.length; i++) {
      const { posting, weight } = terms[i]!;
      // Worth checking only when the best score so far exceeds what is left, and then once more only after what is left fell by a third.
      if (!closed && touched.length >= k && highest >= rest[i]! && rest[i]! < checkedAt * 0.67) {
        checkedAt = rest[i]!;
        closed = kthScore(touched, scores, bySlot, k, exclude) >= rest[i]!;
      }
      if (!closed) {
        posting.forEach((tf, entry) => score(tf, entry, weight));
      } else if (posting.size <= touched.length) {
        posting.forEach((tf, entry) => {
          if (marks[entry.slot] === stamp) score(tf, entry, weight);
        });
      } else {
        for (let t = 0, end = touched.length; t < end; t++) {
          const entry = bySlot[touched[t]!]!;
          const tf = posting.get(entry);
          if (tf) score(tf, entry, weight);
        }
      }
    }
    return best(touched, scores, bySlot, k, exclude);
  }

  return {
    get size() {
      return entries.size;
    },
    add,
    remove,
    has: (id) => entries.has(id),
    similar,
    termsOf: (id) => new Set(entries.get(id)?.terms.keys() ?? []),
  };
}

/** The k-th highest score among the touched slots that are not excluded (0 if fewer). */
function kthScore(touched: number[], scores: Float64Array, bySlot: (Entry | undefined)[], k: number, exclude?: ReadonlySet<string>): number {
  const top = new Float64Array(k);
  let filled = 0;
  for (const slot of touched) {
    const value = scores[slot]!;
    if (filled === k && value <= top[k - 1]!) continue;
    if (exclude?.has(bySlot[slot]!.id)) continue;
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && top[at - 1]! < value) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = value;
  }
  return filled === k ? top[k - 1]! : 0;
}

/** Ranks before: a higher score, or the same score and a smaller id. */
function before(score: number, id: string, other: SimilarityHit): boolean {
  return score > other.score || (score === other.score && id < other.id);
}

/** The k best of the touched slots, best first: a sorted window of k for small k, one sort otherwise. */
function best(touched: number[], scores: Float64Array, bySlot: (Entry | undefined)[], k: number, exclude?: ReadonlySet<string>): SimilarityHit[] {
  const top: SimilarityHit[] = [];
  if (k >= 64) {
    for (const slot of touched) {
      const id = bySlot[slot]!.id;
      if (!exclude?.has(id)) top.push({ id, score: scores[slot]! });
    }
    top.sort((a, b) => (before(a.score, a.id, b) ? -1 : before(b.score, b.id, a) ? 1 : 0));
    return top.slice(0, k);
  }
  for (const slot of touched) {
    const score = scores[slot]!;
    if (top.length === k && score < top[k - 1]!.score) continue;
    const id = bySlot[slot]!.id;
    if ((top.length === k && !before(score, id, top[k - 1]!)) || exclude?.has(id)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && before(score, id, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = { id, score };
  }
  return top;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'number' ? String(value) : typeof value;
}

function checkString(name: string, value: unknown, optional: boolean): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string${optional ? ' or undefined' : ''}; got ${describe(value)}`);
}

function checkQuery(method: string, query: unknown): asserts query is SimilarityQuery {
  if (query === null || typeof query !== 'object') throw new TypeError(`${method}: query must be an object with a title; got ${describe(query)}`);
  const { title, description } = query as Record<string, unknown>;
  checkString(`${method}: query.title`, title, false);
  checkString(`${method}: query.description`, description, true);
}

function checkId(method: string, id: unknown): asserts id is string {
  if (typeof id !== 'string') throw new TypeError(`${method}: id must be a string; got ${describe(id)}`);
}

/** The terms of a query, title first. */
function queryWords(query: SimilarityQuery): { word: string; term: string }[] {
  return [...retrievalWords(query.title), ...(query.description ? retrievalWords(query.description) : [])];
}

/**
 * A BM25F index over the board's items: title, description and acceptance
 * criteria, the title weighing most (see DEFAULT_SIMILARITY_PARAMETERS).
 * `options` overrides any parameter; a bad one throws a TypeError naming it.
 * The first item or query loads the wink-nlp model once per process or
 * worker (about 0.1 to 0.3 s; see tokens.ts).
 */
export function createSimilarityIndex(options?: SimilarityOptions): SimilarityIndex {
  const index = createTermIndex(similarityParameters(options));
  return {
    get size() {
      return index.size;
    },
    add(item) {
      if (item === null || typeof item !== 'object') throw new TypeError(`add: item must be an object with an id and a title; got ${describe(item)}`);
      const { id, title, description, acceptanceCriteria } = item as unknown as Record<string, unknown>;
      if (typeof id !== 'string' || id === '') throw new TypeError(`add: item.id must be a non-empty string; got ${describe(id)}`);
      checkString('add: item.title', title, false);
      checkString('add: item.description', description, true);
      if (acceptanceCriteria !== undefined) {
        if (!Array.isArray(acceptanceCriteria)) throw new TypeError(`add: item.acceptanceCriteria must be an array of strings or undefined; got ${describe(acceptanceCriteria)}`);
        const wrong = acceptanceCriteria.findIndex((criterion) => typeof criterion !== 'string');
        if (wrong >= 0) throw new TypeError(`add: item.acceptanceCriteria[${wrong}] must be a string; got ${describe(acceptanceCriteria[wrong])}`);
      }
      const terms = (text: string | undefined) => (text ? retrievalWords(text).map((word) => word.term) : []);
      index.add({
        id,
        fields: [terms(title as string), terms(description as string | undefined), ((acceptanceCriteria as string[] | undefined) ?? []).flatMap(terms)],
      });
    },
    remove(id) {
      checkId('remove', id);
      index.remove(id);
    },
    similar(query, k, options) {
      checkQuery('similar', query);
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new TypeError(`similar: k must be a positive integer; got ${describe(k)}`);
      if (options !== undefined && (options === null || typeof options !== 'object')) throw new TypeError(`similar: options must be an object; got ${describe(options)}`);
      const exclude = options?.exclude;
      if (exclude !== undefined && (!Array.isArray(exclude) || exclude.some((id) => typeof id !== 'string'))) {
        throw new TypeError(`similar: options.exclude must be an array of ids (strings); got ${describe(exclude)}`);
      }
      return index.similar(
        queryWords(query).map((word) => word.term),
        k,
        exclude && exclude.length > 0 ? new Set(exclude) : undefined,
      );
    },
    matches(query, id) {
      checkQuery('matches', query);
      checkId('matches', id);
      const terms = index.termsOf(id);
      const seen = new Set<string>();
      const out: string[] = [];
      for (const { word, term } of queryWords(query)) {
        const key = word.toLowerCase();
        if (!terms.has(term) || seen.has(key)) continue;
        seen.add(key);
        out.push(word);
      }
      return out;
    },
  };
}

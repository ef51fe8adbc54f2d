/**
 * Story quality: checks that say what is wrong with an item's wording and
 * how to fix it, after the Quality User Story framework (Lucassen, Dalpiaz,
 * van der Werf, Brinkkemper, "Improving agile requirements: the Quality User
 * Story framework and tool", Requirements Engineering 21(3), 2016) and the
 * obvious ones a refinement meeting asks about. Hints for people, not rules
 * the model enforces; each can be dismissed per item.
 *
 * A story is read as role ("As a …"), means ("I want …", the goal) and ends
 * ("so that …", the benefit). QUS calls a story well-formed when it has a
 * role and a means: the ends are optional there, so a missing benefit is its
 * own check (no-benefit) rather than part of well-formed.
 *
 * Tokens, parts of speech, lemmas and sentence ends come from wink-nlp and
 * its small English model (inside the npm package; nothing is downloaded),
 * made on first use. Every rule is a plain rule over those: no model of
 * story quality is learnt.
 *
 * Dismissals live on the item, one key per check, so that two people
 * dismissing different checks at once both keep theirs:
 *
 *   qualityDismissed:<check>  → true
 *
 * Which checks run by default (DEFAULT_QUALITY_CHECKS) follows the measured
 * precision on hand-labelled real stories (eval/quality.ts, EVALUATION.md):
 * a check below 0.8 is off unless a board turns it on.
 */
import type * as Y from 'yjs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { itemsMap, stampSchema } from '../board.js';
import { requireItem } from '../ordering.js';
import type { ItemKind } from '../schema.js';
import type { ItemSnapshot } from '../snapshot.js';
import { DEFAULT_DEFINITION_OF_READY } from '../health/settings.js';

export const QUALITY_CHECKS = [
  'well-formed',
  'no-benefit',
  'atomic',
  'minimal',
  'uniform',
  'unique',
  'vague-words',
  'no-acceptance-criteria',
  'untestable-criteria',
  'estimate-too-large',
  'bug-no-steps',
  'bug-no-expected-actual',
  'spike-no-question',
  'spike-no-timebox',
  'task-not-actionable',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/**
 * The checks that run when a caller names none. A measured check is here
 * when its held-out precision on the hand-labelled samples is 0.8 or more
 * and beats firing on everything (EVALUATION.md; `npm run eval` fails when
 * this list and the measurement disagree). well-formed could not be measured
 * (every labelled story has a role and a goal) and is on as the framework's
 * first criterion; checks that only count or compare (criteria present, the
 * estimate against the limit, the same title twice) are exact by
 * construction; the heuristic checks nobody has measured yet
 * (untestable-criteria, the spike and task checks) are off.
 */
const OFF_BY_DEFAULT: readonly QualityCheck[] = ['untestable-criteria', 'spike-no-question', 'spike-no-timebox', 'task-not-actionable'];
export const DEFAULT_QUALITY_CHECKS: readonly QualityCheck[] = QUALITY_CHECKS.filter((check) => !OFF_BY_DEFAULT.includes(check));

export interface QualityFinding {
  check: QualityCheck;
  /** What is wrong and how to fix it, in plain words (ends with `fix`). */
  message: string;
  /** How to fix it, alone. */
  fix: string;
  /** The words that made the check fire, where there are some (for highlighting). */
  words?: string[];
}

/** How a board writes its stories: the words that introduce role, means and ends, lower case. */
export interface StoryTemplate {
  role: string;
  means: string;
  ends: string;
}

export const DEFAULT_STORY_TEMPLATE: StoryTemplate = { role: 'as a', means: 'i want', ends: 'so that' };

export interface QualityOptions {
  /** The checks to run; DEFAULT_QUALITY_CHECKS when not given. */
  checks?: readonly QualityCheck[];
  /** Checks people dismissed for this item (readDismissedChecks). */
  dismissed?: Iterable<string>;
  /** The board's usual story form (storyTemplate over its titles); the role-means-ends form when not given. */
  template?: StoryTemplate;
  /** The other items' titles, or all titles by item id (the item's own is skipped), for `unique`. */
  titles?: Iterable<string> | ReadonlyMap<string, string>;
  /** The duplicate finder's verdict for `unique`: the duplicate's title, true, or nothing. */
  isDuplicate?: (item: ItemSnapshot) => string | boolean | null | undefined;
  /** Points a ready item may not exceed (the definition of ready's maxEstimate); null: no limit. */
  maxEstimate?: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

type Nlp = ReturnType<typeof winkNLP>;
let shared: Nlp | undefined;

/** The wink-nlp instance with sentence ends and parts of speech, made on first use (0.1 to 0.3 s). */
function nlp(): Nlp {
  shared ??= winkNLP(model, ['sbd', 'pos']);
  return shared;
}

/** A token of a text with where it is, its part of speech (Universal Dependencies tags) and lemma. */
export interface Word {
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  /** Porter stem, lower case. */
  stem: string;
  start: number;
  end: number;
  /** Whether white space comes before it. */
  spaced: boolean;
  /** Which sentence it is in, from 0. */
  sentence: number;
}

/** The text's tokens, tagged. */
export function tagWords(text: string): Word[] {
  const wink = nlp();
  const its = wink.its;
  const doc = wink.readDoc(text);
  const out: Word[] = [];
  let at = 0;
  doc.sentences().each((sentence, index) => {
    const tokens = sentence.tokens();
    const values = tokens.out(its.value);
    const pos = tokens.out(its.pos);
    // wink's types declare lemma and stem with the model's addons as a parameter, which out() does not accept.
    const lemmas = tokens.out(its.lemma as unknown as typeof its.value);
    const stems = tokens.out(its.stem as unknown as typeof its.value);
    const spaces = tokens.out(its.precedingSpaces);
    values.forEach((value, i) => {
      const found = text.indexOf(value, at);
      const start = found < 0 ? at : found;
      at = found < 0 ? at : start + value.length;
      out.push({ text: value, lower: value.toLowerCase(), pos: pos[i]!, lemma: lemmas[i]!.toLowerCase(), stem: stems[i]!.toLowerCase(), start, end: at, spaced: spaces[i] !== '', sentence: index });
    });
  });
  return out;
}

/** Whether the model's vocabulary knows the word (an unknown word's part of speech is a guess). */
function knownWord(word: string): boolean {
  return nlp().readDoc('').isLexeme(word.toLowerCase()) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// The parts of a story

export interface StoryParts {
  /** The role ("user"), or null when there is no "As a …". */
  role: string | null;
  /** The means indicator in a canonical form ("i want", "i would like", "i need", …), or null. */
  meansIndicator: string | null;
  /** The goal, after the indicator and a leading "to" / "to be able to"; null without a means indicator. */
  goal: string | null;
  /** Where the goal starts and ends in the text (characters); the whole text when there is no indicator. */
  goalStart: number;
  goalEnd: number;
  /** The ends indicator in a canonical form ("so that", "in order to", "so", "because"), or null. */
  endsIndicator: string | null;
  /** The benefit, after the ends indicator; null without one. */
  benefit: string | null;
}

const MEANS_RE = /\bI\s+(?:really\s+|don['’]t\s+|do\s+not\s+)?want(?:s)?\b|\bI\s*['’]d\s+like\b|\bI\s+would\s+like\b|\bI\s+need\b|\bI\s+can\b|\bI\s*['’]m\s+able\s+to\b|\bI\s+am\s+able\s+to\b|\bI\s+(?:should|would)\s+be\s+able\s+to\b|\bI\s+wish\b|\bI\s+expect\b/i;
const ENDS_RE = /(?:,\s*|\s+)(so\s+that|in\s+order\s+to|because|so(?=\s+(?:I|we|they|he|she|it|you|my|our|their|that|the|users?|people)\b))\b/i;
const ROLE_RE = /(?:^|[,;.]\s*)\W*as\s+(?:(?:an?|the)\s+)?(.+?)[\s,]*$/i;

function canonicalMeans(indicator: string): string {
  const words = indicator.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
  if (words === "i'd like") return 'i would like';
  if (words === "i'm able to") return 'i am able to';
  return words.replace(/^i (?:really |don't |do not )?wants?$/, 'i want');
}

/** Reads a story's role, goal and benefit and the words that introduce them. */
export function parseStory(text: string): StoryParts {
  const means = MEANS_RE.exec(text);
  if (means === null) {
    return { role: roleIn(text), meansIndicator: null, goal: null, goalStart: 0, goalEnd: text.length, endsIndicator: null, benefit: null };
  }
  const after = means.index + means[0].length;
  const ends = ENDS_RE.exec(text.slice(after));
  const goalEnd = ends === null ? text.length : after + ends.index;
  const lead = /^\s*(?:to\s+)?(?:be\s+able\s+to\s+)?/i.exec(text.slice(after, goalEnd))![0];
  const goalStart = after + lead.length;
  const goal = text.slice(goalStart, goalEnd).trim().replace(/[.!;,\s]+$/, '');
  return {
    role: roleIn(text.slice(0, means.index)),
    meansIndicator: canonicalMeans(means[0]),
    goal,
    goalStart,
    goalEnd,
    endsIndicator: ends === null ? null : ends[1]!.toLowerCase().replace(/\s+/g, ' '),
    benefit: ends === null ? null : text.slice(goalEnd + ends[0].length).trim().replace(/[.!;\s]+$/, '') || null,
  };
}

function roleIn(text: string): string | null {
  const role = ROLE_RE.exec(text)?.[1]?.trim();
  return role !== undefined && /\p{L}/u.test(role) ? role : null;
}

/** The form most of the titles that are stories use; DEFAULT_STORY_TEMPLATE where they say nothing. */
export function storyTemplate(titles: Iterable<string>): StoryTemplate {
  const means = new Map<string, number>();
  const ends = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const title of titles) {
    const parts = parseStory(title);
    if (parts.role === null || parts.meansIndicator === null) continue;
    bump(means, parts.meansIndicator);
    if (parts.endsIndicator !== null) bump(ends, parts.endsIndicator);
  }
  const most = (counts: Map<string, number>, fallback: string) => [...counts].sort((a, b) => b[1] - a[1] || (a[0] === fallback ? -1 : b[0] === fallback ? 1 : 0))[0]?.[0] ?? fallback;
  return { role: 'as a', means: most(means, DEFAULT_STORY_TEMPLATE.means), ends: most(ends, DEFAULT_STORY_TEMPLATE.ends) };
}

// ---------------------------------------------------------------------------------------------------------------
// Vague words

/**
 * Words that judge a quality without saying how much, after ISO/IEC/IEEE
 * 29148 (5.2.7, unbounded or ambiguous terms) and requirement-smell lists:
 * counted as adjectives or adverbs only ("clear the cache" is fine).
 */
const VAGUE = new Set([
  'fast', 'faster', 'quick', 'quicker', 'quickly', 'rapid', 'rapidly', 'speedy', 'slow',
  'easy', 'easier', 'easily', 'simple', 'simpler', 'effortless', 'effortlessly', 'intuitive', 'intuitively', 'straightforward',
  'user-friendly', 'convenient', 'conveniently', 'seamless', 'seamlessly', 'smooth', 'smoothly',
  'efficient', 'efficiently', 'effective', 'effectively', 'flexible', 'robust', 'scalable', 'powerful', 'reliable', 'reliably',
  'clear', 'clearly', 'nice', 'nicely', 'good', 'better', 'best', 'great', 'improved', 'optimal', 'optimally',
  'appropriate', 'appropriately', 'adequate', 'adequately', 'sufficient', 'sufficiently', 'proper', 'properly', 'reasonable', 'reasonably', 'acceptable',
  'sensible', 'prominent', 'prominently', 'attractive', 'beautiful', 'modern', 'elegant', 'clean', 'useful', 'meaningful', 'comprehensive',
  'minimal', 'maximal', 'significant', 'significantly', 'timely', 'predictable', 'lightweight',
]);
/** Vague phrases, as lower-case words (hyphens dropped). */
const VAGUE_PHRASES = [
  ['user', 'friendly'],
  ['easy', 'to', 'use'],
  ['if', 'possible'],
  ['as', 'appropriate'],
  ['as', 'needed'],
  ['minimum', 'of'],
  ['high', 'quality'],
  ['state', 'of', 'the', 'art'],
  ['in', 'a', 'timely', 'manner'],
];
const UNITS = /^(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?|hours?|h|days?|clicks?|taps?|steps?|%|percent|kb|mb|gb|px|pixels?|characters?|chars?)$/;
const NEARBY = 4;

/** The vague words among `words` (already cut to the part to check), each with no number or unit within a few words. */
function vagueWords(words: readonly Word[]): string[] {
  const plain = words.filter((word) => word.text !== '-' && word.text !== '–');
  const measured = (index: number) => plain.slice(Math.max(0, index - NEARBY), index + NEARBY + 1).some((word) => /\d/.test(word.text) || UNITS.test(word.lower));
  const found: string[] = [];
  const covered = new Set<number>();
  for (let i = 0; i < plain.length; i++) {
    // "as much material as possible", "as few clicks as possible"
    const possible = plain[i]!.lower === 'as' ? plain.findIndex((word, j) => j > i + 1 && j < i + 8 && word.lower === 'as' && plain[j + 1]?.lower === 'possible') : -1;
    if (possible > 0) {
      for (let k = i; k <= possible + 1; k++) covered.add(k);
      found.push(joinWords(words, plain[i]!, plain[possible + 1]!));
      i = possible + 1;
      continue;
    }
    const phrase = VAGUE_PHRASES.find((parts) => parts.every((part, k) => plain[i + k]?.lower === part));
    if (phrase !== undefined) {
      for (let k = 0; k < phrase.length; k++) covered.add(i + k);
      if (!measured(i)) found.push(joinWords(words, plain[i]!, plain[i + phrase.length - 1]!));
      i += phrase.length - 1;
      continue;
    }
    const word = plain[i]!;
    if (covered.has(i) || !VAGUE.has(word.lower) || (word.pos !== 'ADJ' && word.pos !== 'ADV')) continue;
    // "it would be better to …", "it is best if …" weigh the request itself; they ask no quality of the system.
    if (plain[i - 1]?.lemma === 'be' && (plain[i + 1]?.lower === 'to' || plain[i + 1]?.lower === 'if')) continue;
    if (!measured(i)) found.push(word.text);
  }
  return [...new Set(found)];
}

/** The text from one word to another as written (so "user-friendly" keeps its hyphen). */
function joinWords(words: readonly Word[], from: Word, to: Word): string {
  const first = words.indexOf(from);
  const last = words.indexOf(to);
  return words
    .slice(first, last + 1)
    .map((word, k) => (k > 0 && word.spaced ? ` ${word.text}` : word.text))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Atomic

/** Words that open a clause about the object or a condition: a verb after one is not a second goal. */
const CLAUSE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'whenever', 'while', 'if', 'whether', 'until', 'unless', 'because', 'once', 'after', 'before', 'since', 'without']);
/** Pairs that are one action ("drag and drop"), by lemma. */
const ONE_ACTION = new Set(['copy paste', 'cut paste', 'drag drop', 'search replace', 'find replace', 'read write', 'pick choose', 'mix match', 'plug play', 'sign in']);
const CONJUNCTIONS = new Set(['and', 'or', '&', 'and/or', '/', '+']);

/** Whether a word reads as a participle or gerund ("underlying", "cached"): an -ing or -ed form the model lemmatises. */
const inflected = (word: Word) => word.lemma !== word.lower && /(?:ing|ed)$/.test(word.lower);

/**
 * The actions a goal asks for when it joins more than one, in order: the
 * verbs on either side of each "and", "or", "/" or comma list; none when it
 * asks for one. Scanning stops at a clause about the object or a condition
 * ("a script that installs … and tests …", "when I deploy … and update …").
 */
function goalActions(words: readonly Word[], infinitive: boolean): Word[] {
  let end = words.findIndex((word, i) => i > 0 && (CLAUSE_OPENERS.has(word.lower) || (word.lower === 'that' && word.pos !== 'DET')));
  if (end < 0) end = words.length;
  const scope = words.slice(0, end);
  // After "want to" the first word (past adverbs) is the action whatever the tagger says ("to version my package", "to Search").
  const first = scope.findIndex((word) => word.pos !== 'ADV');
  const head = infinitive && first >= 0 && /\p{L}/u.test(scope[first]!.text) ? first : scope.findIndex((word) => word.pos === 'VERB');
  if (head < 0) return [];
  const isVerb = (index: number) => index === head || (scope[index]!.pos === 'VERB' && !/^\p{Lu}{2,}$/u.test(scope[index]!.text));
  // A verb that opens a phrase of the goal (after "to", a conjunction or a comma), not one read into an object ("a data file").
  const opens = (index: number): boolean => {
    const previous = scope[index - 1];
    return previous !== undefined && (['to', ',', '&'].includes(previous.lower) || CONJUNCTIONS.has(previous.lower) || (previous.pos === 'ADV' && opens(index - 1)));
  };
  const leftOf = (index: number) => {
    for (let k = index - 1; k > head; k--) if (isVerb(k) && opens(k)) return scope[k]!;
    return scope[head]!;
  };
  const picked: Word[] = [];
  const pick = (word: Word) => (picked.includes(word) ? undefined : picked.push(word));
  let listed: Word[] = [];
  for (let i = head + 1; i < scope.length; i++) {
    const word = scope[i]!;
    const conjunction = CONJUNCTIONS.has(word.lower) && (word.lower !== '/' || (!word.spaced && scope[i + 1]?.spaced === false));
    const comma = word.text === ',';
    if (!conjunction && !comma) continue;
    // "either FABS or DABS" offers a choice of object, not a second action.
    if (word.lower === 'or' && scope.slice(head, i).some((earlier) => earlier.lower === 'either')) continue;
    let next = i + 1;
    while (next < scope.length && (scope[next]!.pos === 'ADV' || ['to', 'also', '/', 'or'].includes(scope[next]!.lower))) next++;
    if (scope[next]?.lower === 'be' && scope[next + 1]?.lower === 'able' && scope[next + 2]?.lower === 'to') next += 3;
    const candidate = scope[next];
    if (candidate === undefined) continue;
    const before = scope[i - 1]!;
    const left = leftOf(i);
    // A participle or gerund after the conjunction describes a thing ("articles and underlying datasets", "to be
    // defined and documented") unless the action before it has the same form ("closing, viewing, changing").
    const verb = isVerb(next) && !(inflected(candidate) && !inflected(left)) && !(inflected(candidate) && left !== scope[head] && /ed$/.test(candidate.lower));
    // The tagger reads the second of two bare verbs as a noun ("search and filter products"): a verb right
    // before the conjunction makes the word after it one too.
    const bare = conjunction && next === i + 1 && (candidate.pos === 'NOUN' || candidate.pos === 'PROPN') && !/^\p{Lu}{2,}$/u.test(candidate.text) && before === left && (i - 1 === head || before.pos === 'VERB');
    if (!verb && !bare) continue;
    if (ONE_ACTION.has(`${left.lemma} ${candidate.lemma}`)) continue;
    if (comma) listed.push(left, candidate);
    else {
      for (const action of [...listed, left, candidate]) pick(action);
      listed = [];
    }
  }
  // A list of actions separated by commas only ("manage …, grant …, see …") counts from three on.
  if (new Set(listed).size >= 3) for (const action of listed) pick(action);
  return picked.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Minimal

const ASIDE_RES: { re: RegExp; what: string }[] = [
  { re: /\s(?:--|–|—)\s|\s-\s/, what: 'a dash aside' },
  { re: /\b(?:e\.\s?g\.|i\.\s?e\.)|\b(?:eg|ie)\.(?=\s)|\bN\.?B\.?:|\b(?:note|see)\s*:/i, what: 'a note or an example (“e.g.”, “i.e.”, “Note:”)' },
  { re: /,?\s+but\s+(?:it|this|that|they|we)\s+(?:should|would|must|could|needs?|has\s+to|have\s+to)\b/i, what: 'a comment appended with “but it should …”' },
];

/** What a title holds beyond role, means and ends. */
function extras(title: string, words: readonly Word[]): string[] {
  const out: string[] = [];
  // Brackets inside a word ("collection(s)", "(re-)use") are spelling, not an aside.
  const bracket = /(?<![\p{L}\p{N}])[([{][^)\]}]*(?:[)\]}](?![\p{L}\p{N}])|$)/u.exec(title);
  if (bracket !== null) out.push(`text in brackets “${bracket[0].length > 40 ? `${bracket[0].slice(0, 39)}…` : bracket[0]}”`);
  // A sentence counts when it starts after white space and holds a word: "v1.1." is not a second sentence.
  const sentences = new Set(words.filter((word) => word.spaced && /\p{L}/u.test(word.text)).map((word) => word.sentence));
  const starts = words.filter((word, i) => i > 0 && word.sentence !== words[i - 1]!.sentence && word.spaced);
  if (starts.some((word) => sentences.has(word.sentence))) out.push('more than one sentence');
  for (const { re, what } of ASIDE_RES) if (re.test(title)) out.push(what);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

const STORY: readonly ItemKind[] = ['story'];
const WITH_CRITERIA: readonly ItemKind[] = ['story', 'enhancement', 'compliance'];
const STATES_WORK: readonly ItemKind[] = ['story', 'enhancement', 'compliance', 'task', 'tech-debt'];
const SIZED: readonly ItemKind[] = ['story', 'bug', 'task', 'spike', 'tech-debt', 'enhancement', 'research', 'compliance'];
const BUG: readonly ItemKind[] = ['bug'];
const SPIKE: readonly ItemKind[] = ['spike', 'research'];
const TASK: readonly ItemKind[] = ['task', 'tech-debt'];

/** Which kinds each check looks at. */
export const QUALITY_CHECK_KINDS: Readonly<Record<QualityCheck, readonly ItemKind[] | 'all'>> = {
  'well-formed': STORY,
  'no-benefit': STORY,
  atomic: STORY,
  minimal: STORY,
  uniform: STORY,
  unique: 'all',
  'vague-words': STATES_WORK,
  'no-acceptance-criteria': WITH_CRITERIA,
  'untestable-criteria': WITH_CRITERIA,
  'estimate-too-large': SIZED,
  'bug-no-steps': BUG,
  'bug-no-expected-actual': BUG,
  'spike-no-question': SPIKE,
  'spike-no-timebox': SPIKE,
  'task-not-actionable': TASK,
};

interface Subject {
  item: ItemSnapshot;
  title: string;
  parts: StoryParts;
  words: Word[];
  /** The words of the role and goal (of the whole title when it is not a story). */
  head: Word[];
  options: QualityOptions;
  template: StoryTemplate;
}

type Rule = (subject: Subject) => QualityFinding | null;

function finding(check: QualityCheck, problem: string, fix: string, words?: string[]): QualityFinding {
  return words === undefined ? { check, message: `${problem} ${fix}`, fix } : { check, message: `${problem} ${fix}`, fix, words };
}

const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const list = (words: readonly string[]) => words.map((word) => `“${word}”`).join(words.length === 2 ? ' and ' : ', ');
const indicatorWords = (indicator: string) => indicator.replace(/^i\b/, 'I');

/** The item's text fields as one text, for checks that read a bug or a spike as a whole. */
function allText(item: ItemSnapshot): string {
  return [item.title, item.description, ...item.acceptanceCriteria.map((criterion) => criterion.text)].join('\n');
}

const normalTitle = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const RULES: Record<QualityCheck, Rule> = {
  'well-formed': ({ parts }) => {
    if (parts.role !== null && parts.meansIndicator !== null && parts.goal !== null && /\p{L}/u.test(parts.goal)) return null;
    const missing = parts.role === null && parts.meansIndicator === null ? 'who wants it and what they want' : parts.role === null ? 'who wants it' : 'what is wanted';
    return finding('well-formed', `The story does not say ${missing}.`, 'Write it as “As a <role>, I want <goal>, so that <benefit>”; the story assistant can propose one.');
  },
  'no-benefit': ({ parts }) => {
    if (parts.meansIndicator === null || parts.endsIndicator !== null) return null;
    const who = parts.role === null ? 'the user' : `the ${parts.role}`;
    return finding('no-benefit', `The story does not say why ${who} wants this.`, 'Add “so that <benefit>”: the reason lets the team find the simplest way to deliver it.');
  },
  atomic: ({ parts, words, title }) => {
    const all = parts.meansIndicator === null ? tagWords(`I want to ${title}`) : words;
    const from = parts.meansIndicator === null ? 3 : all.findIndex((word) => word.start >= parts.goalStart);
    const goal = from < 0 ? [] : all.slice(from).filter((word) => word.end <= (parts.meansIndicator === null ? Infinity : parts.goalEnd));
    const actions = goalActions(goal, from > 0 && all[from - 1]!.lower === 'to');
    if (actions.length < 2) return null;
    const names = actions.map((word) => word.text);
    return finding('atomic', `The goal asks for ${actions.length} things at once: ${list(names)}.`, 'Split it into one story per action (Split in the item menu), so each can be estimated, built and accepted on its own.', names);
  },
  minimal: ({ title, words }) => {
    const found = extras(title, words);
    if (found.length === 0) return null;
    return finding('minimal', `The title holds more than role, goal and benefit: ${found.join('; ')}.`, 'Keep the title to the story itself and move details, notes and examples to the description or the acceptance criteria.');
  },
  uniform: ({ parts, template }) => {
    if (parts.meansIndicator === null) return null;
    const differ: string[] = [];
    if (parts.meansIndicator !== template.means) differ.push(`“${indicatorWords(parts.meansIndicator)}” where this board's stories say “${indicatorWords(template.means)}”`);
    if (parts.endsIndicator !== null && parts.endsIndicator !== template.ends) differ.push(`“${parts.endsIndicator}” where they say “${template.ends}”`);
    if (differ.length === 0) return null;
    return finding('uniform', `The story uses ${differ.join(', and ')}.`, `Use the board's form, “As a …, ${indicatorWords(template.means)} …, ${template.ends} …”, so stories read alike and compare easily.`);
  },
  unique: ({ item, title, options }) => {
    const verdict = options.isDuplicate?.(item);
    let other: string | null = typeof verdict === 'string' ? verdict : verdict === true ? '' : null;
    const own = normalTitle(title);
    if (other === null && own !== '' && options.titles !== undefined) {
      const entries: Iterable<[string | null, string]> = options.titles instanceof Map ? (options.titles as ReadonlyMap<string, string>).entries() : [...(options.titles as Iterable<string>)].map((text) => [null, text] as [null, string]);
      for (const [id, text] of entries) {
        if (id !== item.id && normalTitle(text) === own) {
          other = text;
          break;
        }
      }
    }
    if (other === null) return null;
    return finding('unique', other === '' ? 'Another item says the same thing.' : `Another item says the same thing: ${quote(other)}.`, 'Merge the two, or reword this one to say how it differs.');
  },
  'vague-words': ({ head }) => {
    const found = vagueWords(head);
    if (found.length === 0) return null;
    return finding('vague-words', `${list(found)} cannot be tested as written.`, 'Say it in numbers or observable terms (“in under 2 seconds”, “in 3 clicks”, “as in the mock-up”), or drop the word.', found);
  },
  'no-acceptance-criteria': ({ item }) => {
    if (item.acceptanceCriteria.some((criterion) => criterion.text.trim() !== '')) return null;
    if (/\bacceptance criteria\b/i.test(item.description) || /\bgiven\b[^\n]*\bthen\b|^\W*then\b/im.test(item.description)) return null;
    return finding('no-acceptance-criteria', 'The story has no acceptance criteria, so nobody can tell when it is done.', 'Add criteria that say what will be true when it is done, such as “Given …, when …, then …”.');
  },
  'untestable-criteria': ({ item }) => {
    const problems: string[] = [];
    item.acceptanceCriteria.forEach((criterion, index) => {
      const text = criterion.text.trim();
      if (text === '') return;
      const words = tagWords(text);
      const name = `criterion ${index + 1} ${quote(text, 50)}`;
      if (!words.some((word) => word.pos === 'VERB' || word.pos === 'AUX')) problems.push(`${name} states no outcome anyone could observe`);
      const vague = vagueWords(words);
      if (vague.length > 0) problems.push(`${name} uses ${list(vague)} without a measure`);
    });
    if (problems.length === 0) return null;
    const text = problems.join('; ');
    return finding('untestable-criteria', `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, 'Write each as a result someone can check (“Given …, when …, then <what is shown or stored>”), with numbers instead of judgements.');
  },
  'estimate-too-large': ({ item, options }) => {
    const limit = options.maxEstimate === undefined ? DEFAULT_DEFINITION_OF_READY.maxEstimate : options.maxEstimate;
    if (limit === null || typeof item.estimate !== 'number' || item.estimate <= limit) return null;
    return finding('estimate-too-large', `The estimate, ${item.estimate} points, is above this board's limit of ${limit}.`, 'Split it into smaller items that each still deliver something (by workflow step, business rule or kind of data).');
  },
  'bug-no-steps': ({ item }) => {
    const text = allText(item);
    // Said to be reproducible ("steps to reproduce", "can be reproduced by"), not "cannot reproduce".
    if (/(?<!(?:can['’]?t|cannot|not|unable\s+to)\s+)\breproduc(?:e|ed|es|ible|ing)\b|\brepro\b|\bSTR\s*:/i.test(text)) return null;
    // Numbered steps, a shell command, or the circumstances it happens in ("When a node restarts, …").
    if ((text.match(/^\s*(?:\d+[.)]|#)\s+\S/gm) ?? []).length >= 2 || /^\s*[$>]\s+\S/m.test(text)) return null;
    if (/(?:^|[.!?]\s+)(?:when|whenever|after)\s+\S+/im.test(item.description)) return null;
    return finding('bug-no-steps', 'The bug does not say how to make it happen.', 'Add numbered steps to reproduce it, from a known starting point.');
  },
  'bug-no-expected-actual': ({ item }) => {
    const text = allText(item);
    const expected = /\bexpect(?:ed|s|ation)?\b|\bshould(?:n['’]t)?\b|\bsupposed\s+to\b/i.test(text);
    const actual = /\bactual(?:ly)?\b|\binstead\b|\bbut\s+(?:it\s+|they\s+)?(?:gets?|got|shows?|showed|returns?|returned|displays?|throws?|threw)\b|\bobserved\b|\bresults?\s+in\b|\bfail(?:s|ed|ing|ures?)?\b|\berrors?\b|\bexception\b|\bcrash(?:es|ed|ing)?\b|\bends?\s+up\b/i.test(text);
    if (expected && actual) return null;
    const missing = !expected && !actual ? 'what should happen and what happens instead' : !expected ? 'what should happen' : 'what happens instead';
    return finding('bug-no-expected-actual', `The bug does not say ${missing}.`, 'Add “Expected: …” and “Actual: …”, so whoever fixes it knows when it is fixed.');
  },
  'spike-no-question': ({ item }) => {
    const text = `${item.title}\n${item.description}`;
    if (text.includes('?') || /^\W*(?:how|what|which|why|whether|can|could|should|does|do|is|are|will|would)\b/im.test(text) || /\b(?:whether|find\s+out|figure\s+out|decide)\b/i.test(text)) return null;
    return finding('spike-no-question', 'The spike does not state the question it should answer.', 'Write the question (“Can we …?”, “Which … fits …?”), so everyone knows when the spike is done.');
  },
  'spike-no-timebox': ({ item }) => {
    if (item.estimate !== null) return null;
    const text = allText(item);
    if (/\btime[- ]?box(?:ed)?\b/i.test(text) || /\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|half\s+a|a)\s*-?\s*(?:h|hrs?|hours?|d|days?|weeks?|wks?|sprints?)\b/i.test(text)) return null;
    return finding('spike-no-timebox', 'The spike has no time box.', 'Give it one (“2 days”) or an estimate, so it ends even without a full answer.');
  },
  'task-not-actionable': ({ title }) => {
    const first = /\p{L}[\p{L}'’-]*/u.exec(title)?.[0];
    if (first === undefined) return null;
    const lower = first.toLowerCase();
    // The first word read where only a verb fits; a word the model does not know gets the benefit of the doubt.
    const tagged = tagWords(`we will ${lower} it`)[2];
    if (tagged?.pos === 'VERB' || !knownWord(lower)) return null;
    return finding('task-not-actionable', `The task title does not start with what to do: ${quote(first)} is not an action.`, 'Start with a verb that says what will be done, like “Migrate the database to version 15”.');
  },
};

function keep(item: ItemSnapshot, check: QualityCheck): boolean {
  const kinds = QUALITY_CHECK_KINDS[check];
  return kinds === 'all' || kinds.includes(item.kind);
}

/**
 * What is wrong with an item's wording, for the checks that apply to its
 * kind, in QUALITY_CHECKS order; nothing for items that are done or
 * archived. Dismissed checks are left out.
 */
export function storyQuality(item: ItemSnapshot, options: QualityOptions = {}): QualityFinding[] {
  if (item.archived || item.status === 'done') return [];
  const dismissed = new Set(options.dismissed ?? []);
  const wanted = new Set(options.checks ?? DEFAULT_QUALITY_CHECKS);
  const checks = QUALITY_CHECKS.filter((check) => wanted.has(check) && !dismissed.has(check) && keep(item, check));
  if (checks.length === 0) return [];
  const title = item.title.trim();
  const parts = parseStory(title);
  const words = tagWords(title);
  const head = parts.meansIndicator === null ? words : words.filter((word) => word.end <= parts.goalEnd);
  const subject: Subject = { item, title, parts, words, head, options, template: options.template ?? DEFAULT_STORY_TEMPLATE };
  const out: QualityFinding[] = [];
  for (const check of checks) {
    const found = RULES[check](subject);
    if (found !== null) out.push(found);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dismissals

/** Where an item keeps a dismissed check: one key per check, so concurrent dismissals merge. */
export const QUALITY_DISMISSED_PREFIX = 'qualityDismissed:';

function checkName(check: unknown, context: string): QualityCheck {
  if (typeof check !== 'string' || !(QUALITY_CHECKS as readonly string[]).includes(check)) {
    throw new Error(`${context}: unknown quality check ${JSON.stringify(check)}; use one of ${QUALITY_CHECKS.join(', ')}`);
  }
  return check as QualityCheck;
}

/** Stops showing a check for an item, for everyone on the board. Throws on an unknown item or check, writing nothing. */
export function dismissQualityCheck(doc: Y.Doc, itemId: string, check: QualityCheck): void {
  const item = requireItem(doc, itemId);
  const name = checkName(check, 'dismissQualityCheck');
  doc.transact(() => {
    stampSchema(doc);
    item.set(`${QUALITY_DISMISSED_PREFIX}${name}`, true);
  });
}

/** Shows a dismissed check again. Throws on an unknown item or check, writing nothing. */
export function restoreQualityCheck(doc: Y.Doc, itemId: string, check: QualityCheck): void {
  const item = requireItem(doc, itemId);
  const name = checkName(check, 'restoreQualityCheck');
  if (item.get(`${QUALITY_DISMISSED_PREFIX}${name}`) === undefined) return;
  doc.transact(() => item.delete(`${QUALITY_DISMISSED_PREFIX}${name}`));
}

/** The checks dismissed for an item, sorted; none for an unknown item. Keys naming no known check are ignored. */
export function readDismissedChecks(doc: Y.Doc, itemId: string): QualityCheck[] {
  const item = itemsMap(doc).get(itemId);
  if (item === undefined) return [];
  const out: QualityCheck[] = [];
  item.forEach((value, key) => {
    if (value !== true || !key.startsWith(QUALITY_DISMISSED_PREFIX)) return;
    const check = key.slice(QUALITY_DISMISSED_PREFIX.length);
    if ((QUALITY_CHECKS as readonly string[]).includes(check)) out.push(check as QualityCheck);
  });
  return out.sort();
}

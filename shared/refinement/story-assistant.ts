/**
 * The story assistant: from a raw idea ("filter search by price") a
 * structured story (role, goal, benefit) and a Given/When/Then scaffold of
 * acceptance criteria, which a person edits before saving. Rules and
 * templates over wink-nlp's parts of speech and lemmas (quality.ts), not a
 * language model: it rearranges the idea's own words and leaves what it
 * cannot know as [bracketed] blanks to fill in.
 */
import { parseStory, tagWords } from './quality.js';

export interface StoryProposal {
  /** Who wants it: a role named in the idea, else the board's most common role, else "user". */
  role: string;
  /** What they want, as an action phrase ("filter search by price"). */
  goal: string;
  /** Why: the idea's own "so that …" part, else a [bracketed] blank. */
  benefit: string;
  /** Given/When/Then criteria with [bracketed] blanks. */
  criteria: string[];
  /** The roles to offer, most common first. */
  roles: string[];
}

/** Whether a text still holds a [bracketed] blank of the assistant's. */
export function hasBlank(text: string): boolean {
  return /\[[^\]]+\]/.test(text);
}

/** "a" or "an" before a role, by how it sounds ("an admin", "a user", "an NSF employee", "a UI designer"). */
export function roleArticle(role: string): 'a' | 'an' {
  const first = role.trim().split(/\s+/)[0] ?? '';
  if (/^[A-Z]{2,}s?$/.test(first)) return /^[AEFHILMNORSX]/.test(first) ? 'an' : 'a';
  if (/^(?:uni|use|usu|uti|ure|eu|one|once)/i.test(first)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/i.test(first)) return 'an';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** The story as a title: "As a <role>, I want to <goal>, so that <benefit>" (without the last part when the benefit is empty). */
export function storyTitle(story: { role: string; goal: string; benefit: string }): string {
  const role = story.role.trim() || 'user';
  const goal = story.goal.trim().replace(/^to\s+/i, '');
  const benefit = story.benefit.trim().replace(/^so\s+that\s+/i, '');
  return `As ${roleArticle(role)} ${role}, I want to ${goal}${benefit === '' ? '' : `, so that ${benefit}`}`;
}

const norm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The roles of the "As a <role>, …" titles, most frequent first (first seen first on a tie), each as most often written. */
export function commonRoles(titles: Iterable<string>): string[] {
  const roles = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const title of titles) {
    const role = parseStory(title).role;
    if (role === null) continue;
    const key = norm(role);
    const entry = roles.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count++;
    entry.spellings.set(role, (entry.spellings.get(role) ?? 0) + 1);
    roles.set(key, entry);
  }
  return [...roles.values()]
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ spellings }) => [...spellings].sort((a, b) => b[1] - a[1] || Number(b[0] === b[0].toLowerCase()) - Number(a[0] === a[0].toLowerCase()))[0]![0]);
}

/** Who does something in an idea ("admins can …", "let users …"): the words before/after, and the rest. */
const ACTOR_RES = [
  /^(?:the\s+|an?\s+)?([\p{L}][\p{L} -]{0,40}?)\s+(?:can|could|should\s+be\s+able\s+to|should|must|wants?\s+to|needs?\s+to|would\s+like\s+to)\s+(.+)$/iu,
  /^(?:allow|let|enable)\s+(?:the\s+)?([\p{L}][\p{L} -]{0,40}?)\s+(?:to\s+)?(.+)$/iu,
];
const LEAD_IN = /^(?:i\s+(?:want|need|would\s+like)\s+(?:to\s+)?|we\s+(?:want|need)\s+(?:to\s+)?|(?:the\s+)?(?:ability|option|possibility)\s+to\s+|be\s+able\s+to\s+|(?:a\s+)?way\s+to\s+)/i;
const NOBODY = new Set(['i', 'we', 'you', 'one', 'user', 'users', 'people', 'everyone', 'everybody', 'anyone', 'somebody', 'someone', 'it', 'they', 'this', 'that']);

/** The singular of a role word, by its lemma ("managers" → "manager"), as written when the model does not know it. */
function singular(words: string): string {
  const tagged = tagWords(words);
  const last = tagged[tagged.length - 1];
  if (last === undefined || last.pos !== 'NOUN' || last.lower === last.lemma) return words;
  return `${words.slice(0, last.start)}${last.lemma}`;
}

/** Words compared by their Porter stems, so "admins" finds the role "admin". */
const stems = (words: string) =>
  tagWords(words)
    .map((word) => word.stem)
    .join(' ');

/** Outcome blanks by the goal's verb (lemma): what a person checks afterwards. */
const OUTCOMES: { verbs: string[]; then: string }[] = [
  { verbs: ['filter', 'search', 'find', 'sort', 'browse', 'look', 'query', 'list'], then: 'only the [matching items] are listed, [in which order]' },
  { verbs: ['export', 'download', 'print', 'save'], then: 'a [format] file with [which contents] is downloaded' },
  { verbs: ['create', 'add', 'submit', 'upload', 'register', 'write', 'post', 'import', 'book', 'invite'], then: 'the new [item] appears in [where] for [whom]' },
  { verbs: ['edit', 'update', 'change', 'modify', 'rename', 'configure', 'set', 'assign', 'move', 'reorder'], then: 'the change is saved and shown to [whom]' },
  { verbs: ['delete', 'remove', 'archive', 'cancel', 'hide', 'lock', 'disable', 'close'], then: 'it is no longer [listed or usable], and [what happens to related data]' },
  { verbs: ['view', 'see', 'read', 'display', 'show', 'know', 'track', 'monitor', 'check', 'compare', 'review'], then: 'I see [which information, with which fields]' },
  { verbs: ['notify', 'email', 'remind', 'alert', 'send', 'share', 'message', 'contact'], then: '[who] receives [what] within [how long]' },
  { verbs: ['log', 'login', 'sign', 'authenticate', 'register'], then: 'I am [signed in and taken to where]' },
  { verbs: ['pay', 'buy', 'order', 'checkout', 'purchase'], then: '[the payment or order] is recorded and I get [a confirmation with what]' },
];

/** The idea without lead-ins, with the role it names (if any). */
function readIdea(text: string): { actor: string | null; rest: string } {
  for (const re of ACTOR_RES) {
    const match = re.exec(text);
    if (match !== null) return { actor: match[1]!.trim(), rest: match[2]!.trim() };
  }
  return { actor: null, rest: text.replace(LEAD_IN, '').trim() };
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/**
 * A story proposed from a raw idea. `roles` are the board's roles, most
 * common first (commonRoles over its titles); the first is proposed unless
 * the idea names one ("admins can lock accounts"). An idea already written
 * as a story keeps its parts.
 */
export function proposeStory(idea: string, options: { roles?: string[] } = {}): StoryProposal {
  const roles = [...new Set((options.roles ?? []).map((role) => role.trim()).filter((role) => role !== ''))];
  const offered = roles.length > 0 ? roles : ['user'];
  const text = idea.trim().replace(/\s+/g, ' ').replace(/[.!\s]+$/, '');
  const parts = parseStory(text);
  let role = offered[0]!;
  let goal: string;
  let benefit: string | null = null;
  if (parts.role !== null && parts.goal !== null && parts.goal !== '') {
    role = parts.role;
    goal = parts.goal;
    benefit = parts.benefit;
  } else {
    const idea = readIdea(text);
    const { actor } = idea;
    // "Users should be able to reset their password": the story speaks as the role, so "their" becomes "my".
    const rest = actor === null ? idea.rest : idea.rest.replace(/\b(?:their|his|her)\b/gi, 'my').replace(/\bthemselves\b/gi, 'myself').replace(/\bthem\b/gi, 'me');
    if (actor !== null && !NOBODY.has(actor.toLowerCase())) {
      const named = stems(actor);
      role = roles.find((known) => stems(known) === named) ?? singular(actor);
    }
    goal = actionPhrase(rest);
  }
  const verb = tagWords(`I want to ${goal}`)[3];
  const outcome = OUTCOMES.find((family) => verb !== undefined && family.verbs.includes(verb.lemma))?.then ?? '[the result I can observe]';
  const doing = goal.startsWith('have ') ? `use ${goal.slice('have '.length)}` : goal;
  const criteria = [
    `Given I am ${roleArticle(role)} ${role} [on which page or in which state], when I ${doing}, then ${outcome}`,
    `Given [an input or state that is not allowed], when I ${doing}, then [what I am told] and nothing is changed`,
    `Given I am not ${roleArticle(role)} ${role}, when I try to ${doing}, then [what I can and cannot do]`,
  ];
  return { role, goal, benefit: benefit ?? `[why the ${role} needs this]`, criteria, roles: offered };
}

/** The idea as an action: as it is when it starts with a verb, else "have <idea>". */
function actionPhrase(rest: string): string {
  const phrase = lowerFirst(rest);
  if (phrase === '') return '[what you want to do]';
  const first = tagWords(`I want to ${phrase}`)[3];
  return first?.pos === 'VERB' ? phrase : `have ${phrase}`;
}

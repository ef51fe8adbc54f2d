/**
 * Text to retrieval terms, for the duplicate finder (and any other aid that
 * compares items by their words): markup stripped, then wink-nlp's tokenizer,
 * stop words and Porter stems from its small English model, which ships
 * inside the npm package (nothing is downloaded at run time).
 *
 * Pure and synchronous, without node: imports, so that it runs in a browser
 * Web Worker as well as in Node.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let shared: Nlp | undefined;

/**
 * The one wink-nlp instance, made on first use: making one costs about 0.1 to
 * 0.3 s (and importing the model 0.06 to 0.2 s), so never per call. Its pipe
 * is empty (tokens, stems and stop words need no sentence, part-of-speech or
 * entity model), which reads a document two to three times as fast as the
 * full pipe; an aid that needs parts of speech makes its own instance.
 */
function nlp(): Nlp {
  shared ??= winkNLP(model, []);
  return shared;
}

/**
 * Stems by the word as written. wink-nlp stems a token from its text alone
 * (its.stem is the model's Porter stemmer over the token's value), and that
 * stemmer is most of the time of tokenizing, so each distinct word is stemmed
 * once; the memo is bounded (a board's vocabulary is a few tens of thousands).
 */
const stems = new Map<string, string>();
const MAX_STEMS = 200_000;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Chinese and Japanese punctuation (、。「」，：！ and so on): wink-nlp splits at spaces, which these scripts do not write. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/g;

/** Exception and error class names, the only words kept from a code block or stack trace. */
const THROWABLE = /\b\w+(?:Exception|Error)\b/g;
const throwables = (code: string) => `\n${(code.match(THROWABLE) ?? []).join(' ')}\n`;

/**
 * The words of a description without its markup and machine output. Code
 * and noformat blocks and Markdown code fences keep only the exception and
 * error names in them ("NullPointerException"), and stack-trace frames
 * ("at org.apache….java:123)") go: logs and code carry thousands of
 * words shared by unrelated reports. Jira wiki markup (headings, quote, panel
 * and color macros, images, user mentions, link syntax), HTML tags and
 * entities go; a link keeps its label; bare URLs go. CamelCase identifiers
 * stay and are also split into their words, so "NullPointerException" matches
 * "null pointer". Each choice was measured on the Hadoop training pairs (see
 * docs/refinement-aids.md): keeping code blocks whole cost 0.05 of MRR.
 */
export function retrievalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\{(code|noformat)(?::[^}]*)?\}([\s\S]*?)\{\1\}/g, (_all, _kind: string, body: string) => throwables(body))
    .replace(/```[^\n]*\n([\s\S]*?)```/g, (_all, body: string) => throwables(body))
    .replace(/^\s*(?:at\s+[\w$.<>/]+\(.*\)|\.\.\. \d+ more)\s*$/gm, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (all, name: string) => (name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? all)))
    .replace(/^\s*(?:h[1-6]|bq)\.\s+/gm, '')
    .replace(/\{[a-zA-Z]+(?::[^}]*)?\}/g, ' ')
    .replace(/!([^!\s|]+)(?:\|[^!\n]*)?!/g, ' ')
    .replace(/\[~[^\]]*\]/g, ' ')
    .replace(/\[([^|\]\n]*)\|[^\]\n]*\]/g, '$1')
    .replace(/\b(?:https?|ftp|file):\/\/[^\s\]|)>"']+/g, ' ')
    .replace(CJK_PUNCTUATION, ' ')
    .replace(/\b[A-Za-z]*[a-z][A-Z][A-Za-z]*|\b[A-Z]{2,}[a-z][A-Za-z]*/g, (word) => `${word} ${word.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')}`);
}

/** A word of the text as written, beside its retrieval term. */
export interface RetrievalWord {
  word: string;
  term: string;
}

/**
 * The text's words that count for retrieval, in order, each with its term:
 * the lower-cased Porter stem ("Crashes" → "crash"), or, for a word with a
 * digit ("s3a", "jdk11", "CVE-2021-44228"), the lower-cased word itself
 * (stemming mangles those); a number ("3.3.4", "8020") as it is written.
 * A word in a script the English model does not know (Cyrillic, Greek, Chinese:
 * wink-nlp types it 'unk') is its lower-cased self, as the stemmer and stop
 * words are English; Chinese and Japanese, written without spaces, give one
 * word per run of characters between punctuation. Stop words, punctuation,
 * URLs and e-mail addresses are left out. `word` is the surface form, for
 * highlighting.
 */
export function retrievalWords(text: string): RetrievalWord[] {
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const wink = nlp();
  const its = wink.its;
  const tokens = wink.readDoc(retrievalText(text)).tokens();
  const values = tokens.out(its.value);
  const types = tokens.out(its.type);
  const normals = tokens.out(its.normal);
  const stops = tokens.out(its.stopWordFlag);
  const out: RetrievalWord[] = [];
  for (let i = 0; i < values.length; i++) {
    const type = types[i];
    const value = values[i]!;
    const normal = normals[i]!;
    if (type === 'number') {
      out.push({ word: value, term: normal });
      continue;
    }
    if ((type !== 'word' && type !== 'unk') || stops[i] || !/[\p{L}\d]/u.test(normal)) continue;
    if (type === 'unk' || /\d/.test(normal)) {
      out.push({ word: value, term: normal });
      continue;
    }
    let stem = stems.get(value);
    if (stem === undefined) {
      // wink-nlp's typings give its.stem the model add-on's signature, not an its function; it is one at run time.
      stem = tokens.itemAt(i).out(its.stem as unknown as ItsFunction<string>) as string;
      if (stems.size >= MAX_STEMS) stems.clear();
      stems.set(value, stem);
    }
    out.push({ word: value, term: stem });
  }
  return out;
}

/** The text's retrieval terms, in order (see retrievalWords). */
export function retrievalTerms(text: string): string[] {
  return retrievalWords(text).map((word) => word.term);
}

/**
 * The `nba_content_guardrail` input guardrail: is the latest user message about the NBA or basketball?
 *
 * Kept from the demo (`app/guardrails.py`): only the latest user message of a conversation is checked, text shorter
 * than 5 characters passes, and a trip answers with the demo's reason text. Changed: the demo passed any text
 * containing one of 21 substrings ("team", "game", "news", …), so "Tell me a joke about a team building exercise"
 * passed and "Who won Rookie of the Year?" did not. Here the text is weighed instead:
 *
 * - strong signals pass on their own: basketball vocabulary, team names and aliases (small typos included), notable
 *   players, coaches, arenas and awards;
 * - weak signals ("team", "season", "game", "won", a city, "magic" in lower case) need a second one, or an ongoing
 *   conversation;
 * - other sports and clearly other topics ("recipe", "weather", "team building") refuse unless a strong signal is there;
 * - inside a conversation, short follow-ups made of conversational words ("who won?", "and Denver?", "thanks!") pass.
 *
 * The keyword check is the fast path; `model-guardrail.ts` adds an optional model-judged check for the undecided cases.
 */
import type { InputGuardrail, InputGuardrailFunctionArgs } from '@openai/agents-core';
import { findAward, findPlayers, findRecord, findTeams } from './offline/entities.js';
import { allMatches, memoize, normalize, phraseRegExp, words } from './offline/text.js';
import {
  ARENAS,
  COACHES,
  OFF_TOPIC_MARKERS,
  OTHER_SPORTS,
  PLEASANTRIES,
  STRONG_WORDS,
  WEAK_WORDS,
} from './offline/vocabulary.js';

/** Name of the guardrail, as it appears in traces and in {@link GuardrailTrippedError}. */
export const NBA_GUARDRAIL_NAME = 'nba_content_guardrail';

/** The user-facing reason when the guardrail trips (the demo's `output_info.reason`). */
export const OFF_TOPIC_REASON = 'The request is off-topic. Please ask questions relevant to NBA or basketball.';

/**
 * The demo's 21 keywords, in its order, for reference. They are no longer matched as bare substrings: the
 * basketball-only ones are strong signals, the generic ones ("team", "game", "score", "news", …) weak ones.
 */
export const NBA_GUARDRAIL_KEYWORDS: readonly string[] = Object.freeze([
  'nba',
  'basketball',
  'player',
  'team',
  'finals',
  'playoff',
  'standing',
  'court',
  'wins',
  'losses',
  'score',
  'game',
  'championship',
  'conference',
  'mvp',
  'report',
  'news',
  'cavs',
  'knicks',
  'thunder',
  'spurs',
]);

/** Basketball words that pass on their own. */
export const NBA_GUARDRAIL_STRONG_WORDS: readonly string[] = Object.freeze([...STRONG_WORDS]);
/** Sport words that need company. */
export const NBA_GUARDRAIL_WEAK_WORDS: readonly string[] = Object.freeze([
  ...WEAK_WORDS,
  'make it',
  'made it',
  'how did',
  'how far',
  'teammate',
  'teammates',
]);

const MIN_CHECKED_LENGTH = 5;
const STRONG = phraseRegExp([...STRONG_WORDS, ...COACHES, ...ARENAS], 'g', true);
const WEAK = phraseRegExp(NBA_GUARDRAIL_WEAK_WORDS, 'g', true);
const OTHER_SPORT = phraseRegExp(OTHER_SPORTS);
const OFF_TOPIC = phraseRegExp(OFF_TOPIC_MARKERS);
const PLEASANTRY = new RegExp(`^(?:${phraseRegExp(PLEASANTRIES, '').source}[\\s!.,]*)+$`);

/** Team nicknames and aliases that are also everyday words: strong only when written as a name ("the Heat"). */
const AMBIGUOUS_NAMES = new Set([
  'heat',
  'magic',
  'jazz',
  'kings',
  'suns',
  'nets',
  'bulls',
  'thunder',
  'warriors',
  'rockets',
  'hornets',
  'wizards',
  'bucks',
  'hawks',
  'spurs',
  'pistons',
  'pacers',
  'nuggets',
  'raptors',
  'pelicans',
  'cavaliers',
  'clippers',
  'blazers',
  'grizzlies',
  'mavericks',
  'wolves',
  'wiz',
  'clips',
  'raps',
  'nugs',
  'grizz',
  'pels',
  'dubs',
  'celts',
  'trailblazers',
]);
/** The most everyday of them need "the" in front ("the Jazz", "the Heat"); a capital letter is not enough ("my Jazz guitar"). */
const NEEDS_ARTICLE = new Set([
  'heat',
  'magic',
  'jazz',
  'thunder',
  'kings',
  'suns',
  'nets',
  'bulls',
  'spurs',
  'bucks',
  'hawks',
  'warriors',
  'rockets',
]);
/** Aliases that are place names: weak like a city, whatever their capitalisation ("the capital of Oklahoma"). */
const PLACE_ALIASES = new Set(['oklahoma', 'philly', 'nola', 'minny', 'rip city', 'buzz city']);

/** Words a short follow-up can be made of ("who won?", "was it close?", "and the year before?"). */
const FOLLOW_UP_WORDS = new Set(
  (
    'who what which when where why how did do does was were is are it its they them their theirs he his him she her that this those these ' +
    'the a an and but so or about win won wins lose lost many much more else anything games game close score first second third ' +
    'last best better worse worst year before after then next previous round series against tell me again really sure ok okay cool ' +
    'great thanks interesting right wrong not no yes of in on to for with play played player players team teams one ones both ' +
    'other same also just only still you can could would will should explain mean happen happened end ended finish finished ' +
    'over again most least record seed place went go going get got them their big biggest top bottom star stars now knocked ' +
    'out beat eliminated swept lose closer close tighter longer shorter than compare versus vs them'
  ).split(' '),
);

/** Everyday function words not in {@link FOLLOW_UP_WORDS}: not evidence of another topic. */
const GLUE_WORDS = new Set(
  'has have had any all some his her from into than there here because been being does doing say said think know like ever'.split(
    ' ',
  ),
);

/** The outcome of {@link checkNbaRelevance}. */
export interface NbaRelevance {
  /** The text that was checked (lower-cased). */
  readonly text: string;
  readonly relevant: boolean;
  readonly tripwireTriggered: boolean;
  /** "strong": a basketball signal or a clear other topic decided it; "weak": it rests on weak signals or context. */
  readonly confidence: 'strong' | 'weak';
  /** Short labels of what decided it, for tests and debugging (never the message itself). */
  readonly reason: string;
}

type ContentLike = { type?: unknown; text?: unknown };
type ItemLike = { role?: unknown; content?: unknown };

/** Text of a message's `content`: a string, or the text parts of a content array. */
export function messageContentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: ContentLike) => (typeof part?.text === 'string' ? part.text : ''))
    .filter((text) => text.length > 0)
    .join(' ');
}

/** The text the guardrail checks: the string input, or the content of the latest user message of a list. */
export function guardedText(input: string | readonly unknown[]): string {
  if (typeof input === 'string') return input;
  for (let i = input.length - 1; i >= 0; i--) {
    const item = input[i] as ItemLike | null | undefined;
    if (item && typeof item === 'object' && item.role === 'user') return messageContentText(item.content);
  }
  return '';
}

/** True when the latest user message follows earlier turns (a `followUp`). */
export function isOngoingConversation(input: string | readonly unknown[]): boolean {
  if (typeof input === 'string') return false;
  let seenLatestUser = false;
  for (let i = input.length - 1; i >= 0; i--) {
    const item = input[i] as ItemLike | null | undefined;
    if (!item || typeof item !== 'object') continue;
    if (item.role === 'user' && !seenLatestUser) {
      seenLatestUser = true;
      continue;
    }
    if (seenLatestUser && (item.role === 'assistant' || item.role === 'user')) return true;
  }
  return false;
}

/** A capitalised team name written as a name, not at the start of the text ("the Heat", "Magic fans" mid-sentence). */
function writtenAsName(original: string, name: string): boolean {
  const capitalised = name.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(?:^|[^A-Za-z])((?:the|The|THE)\\s+)?(${capitalised}|${capitalised.toUpperCase()})(?![A-Za-z])`,
    'g',
  );
  for (let m = pattern.exec(original); m; m = pattern.exec(original)) {
    const start = m.index + m[0].indexOf(m[2]!);
    const before = original.slice(0, start).trimEnd();
    if (m[1] || (!NEEDS_ARTICLE.has(name) && before.length > 0 && !/[.!?]$/.test(before))) return true;
  }
  return false;
}

/** "kings of france", "heat of the moment" (but not "the Heat of the NBA" or "of the East"). */
function everydayOf(n: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped} of (?!(?:the )?(?:nba|league|east|west|eastern|western)\\b)`).test(n);
}

/** "Magic Kingdom", "Kings of Leon": the team word starts a longer proper name. */
function partOfOtherName(original: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = `(?:${escaped}|${escaped.replace(/\b[a-z]/g, (c) => c.toUpperCase())}|${escaped.toUpperCase()})`;
  const followed = new RegExp(`(?<![A-Za-z])${forms}\\s+(?:of\\s+[A-Z]|[A-Z][a-z])`).exec(original);
  // "the Heat of the NBA", "Thunder Game 7" are still the team.
  return (
    followed !== null && !/\s(?:of\s+(?:the\s+)?(?:NBA|East|West)|Game|Finals?|Fans?|vs\.?|Versus)\b/.test(followed[0])
  );
}

function verdict(text: string, relevant: boolean, confidence: 'strong' | 'weak', reason: string): NbaRelevance {
  return { text, relevant, tripwireTriggered: !relevant, confidence, reason };
}

/** What a message says on its own, before the conversation is considered (remembered per text). */
interface TextSignals {
  readonly short: boolean;
  readonly pleasantry: boolean;
  /** A verdict the context cannot change, or undefined. */
  readonly decided?: { readonly relevant: boolean; readonly reason: string };
  readonly weak: number;
  /** Weak signals without a bare everyday team word ("thunder", "bucks" with no "the"): what a follow-up needs. */
  readonly weakInContext: number;
  readonly conversational: boolean;
}

const textSignals = memoize((original: string): TextSignals => {
  const n = normalize(original);
  const base = {
    short: original.trim().length < MIN_CHECKED_LENGTH,
    pleasantry: PLEASANTRY.test(n),
    weak: 0,
    weakInContext: 0,
    conversational: false,
  };
  if (base.short || base.pleasantry) return base;

  const teams = findTeams(original)
    .map((m) => (m.kind === 'name' && PLACE_ALIASES.has(m.text) ? { ...m, kind: 'city' as const } : m))
    // "the kings of France", "suns of other galaxies": an everyday team word followed by "of" is not the team.
    .filter((m) => !(m.kind === 'name' && AMBIGUOUS_NAMES.has(m.text) && everydayOf(n, m.text)));
  const clearTeam = teams.some(
    (m) => (m.kind === 'name' && !AMBIGUOUS_NAMES.has(m.text)) || m.kind === 'abbreviation' || m.kind === 'typo',
  );
  // "the Heat" is a team, but "the Magic Kingdom" or "the Kings of Leon" is something else.
  const namedTeam = teams.some(
    (m) =>
      m.kind === 'name' &&
      AMBIGUOUS_NAMES.has(m.text) &&
      writtenAsName(original, m.text) &&
      !partOfOtherName(original, m.text),
  );
  const strongTeam = clearTeam || namedTeam;
  const weakTeam = teams.length > 0 && !strongTeam;
  const players = findPlayers(n);
  const strongPlayer = players.some((p) => !p.surnameOnly);
  STRONG.lastIndex = 0;
  const record = findRecord(n);
  // A won-lost record over an 82-game season ("36-46") is NBA talk on its own.
  const strongWord = STRONG.test(n) || (record !== undefined && record.wins + record.losses === 82);
  OTHER_SPORT.lastIndex = 0;
  const otherSport = OTHER_SPORT.test(n);
  const basketballNamed = /\b(?:nba|basketball|wnba|hoops)\b/.test(n);

  if (otherSport && !basketballNamed && !strongTeam && !strongPlayer)
    return { ...base, decided: { relevant: false, reason: 'other sport' } };
  OFF_TOPIC.lastIndex = 0;
  const offTopic = OFF_TOPIC.test(n);
  // An everyday team word is not enough against a clearly other topic ("the Rockets engine at SpaceX").
  if (offTopic && !strongWord && !clearTeam && !strongPlayer)
    return { ...base, decided: { relevant: false, reason: 'other topic' } };
  if (strongWord || strongTeam || strongPlayer)
    return {
      ...base,
      decided: { relevant: true, reason: strongWord ? 'basketball word' : strongTeam ? 'team' : 'player' },
    };
  OFF_TOPIC.lastIndex = 0;
  // "season 3", "seasons 1 to 4": television, not basketball (NBA seasons are "2024-25").
  if (OFF_TOPIC.test(n) || /\bseasons? (?:\d{1,2}|one|two|three|four|five|six|seven|eight)\b/.test(n))
    return { ...base, decided: { relevant: false, reason: 'other topic' } };

  // Weak signals: sport words; two cities ("Houston or Denver?") count twice, everyday words ("heat", "magic") or a
  // common surname once at most; a won-lost record, a season label, "top 5" or an award count once each.
  const weakWords = new Set(allMatches(WEAK, n).map((m) => m.text)).size;
  // "Who was the best team?", "Who got swept?": a question about who finished best, worst or won reads as standings talk.
  const standingsQuestion =
    /^(?:who|which|what)\b/.test(n) &&
    ((/\b(?:best|worst|top|bottom|last|champions?|swept|sweep|won|lost|winner)\b/.test(n) &&
      /\b(?:teams?|series|champions?|swept|seeds?|records?)\b/.test(n)) ||
      // "Which rookies stood out?", "Who led all guards?": a ranking of basketball roles.
      (/\b(?:best|worst|top|most|fewest|led|leads|leading|stood out|standouts?|breakout)\b/.test(n) &&
        /\b(?:rookies?|scorers?|shooters?|defenders?|rebounders?|guards?|centers?|forwards?|threes|blocks|blockers?|steals|assists)\b/.test(
          n,
        )))
      ? 1
      : 0;
  const weakNames =
    Math.min(2, teams.filter((m) => m.kind === 'city').length) || (weakTeam || players.length > 0 ? 1 : 0);
  const sportNumbers =
    (record || /\b(?:20\d\d-\d\d|2024|2025)\b/.test(n) || /(?:^|[\s(])\.\d{3}(?!\d)/.test(original) ? 1 : 0) +
    (/\b(?:top|bottom) (?:\d{1,2}|three|four|five|ten)\b/.test(n) ? 1 : 0) +
    (findAward(n) ? 1 : 0);
  const all = words(n).map((w) => w.word);
  // "What about Denver?", "And Boston?": nothing but an NBA city or team name after the prompt word reads as a team.
  const bare = n.replace(/^(?:(?:and|so|ok|okay|but)\s+)?(?:(?:what|how) about\s+|and\s+)?(?:the\s+)?/, '').trim();
  const onlyATeam =
    teams.length > 0 &&
    teams.some((m) => m.text === bare) &&
    /^(?:(?:and|so|ok|okay|but)\s+)?(?:(?:what|how) about|and)\b/.test(n);
  // An everyday team word with no "the" and nothing else ("why does thunder follow lightning") is not enough mid-conversation.
  const bareEveryday =
    weakNames === 1 &&
    teams.length > 0 &&
    players.length === 0 &&
    teams.every((m) => m.kind === 'name' && NEEDS_ARTICLE.has(m.text) && !new RegExp(`\\bthe ${m.text}\\b`).test(n))
      ? 1
      : 0;
  // Words that are neither conversation glue nor sport words: many of them around one weak word mean another topic
  // ("how many points do I need for a driving license in germany").
  const weakSpans = allMatches(WEAK, n).map((m) => m.text);
  const otherWords = all.filter(
    (w) =>
      w.length > 2 && !FOLLOW_UP_WORDS.has(w) && !GLUE_WORDS.has(w) && !weakSpans.some((s) => s.split(' ').includes(w)),
  ).length;
  const weak = weakWords + weakNames + sportNumbers + (onlyATeam ? 1 : 0) + standingsQuestion;
  return {
    ...base,
    weak,
    // Mid-conversation one weak word carries a short message, not a long one about something else.
    weakInContext: weak - bareEveryday - (weak - bareEveryday === 1 && otherWords >= 3 ? 1 : 0),
    conversational: all.length <= 8 && all.every((w) => FOLLOW_UP_WORDS.has(w)),
  };
});

/** Pure form of the guardrail: is the (latest user) input about the NBA or basketball? */
export function checkNbaRelevance(input: string | readonly unknown[]): NbaRelevance {
  const original = guardedText(input);
  const text = original.toLowerCase();
  const signals = textSignals(original);
  if (signals.short) return verdict(text, true, 'weak', 'short');
  if (signals.pleasantry) return verdict(text, true, 'strong', 'pleasantry');
  if (signals.decided) return verdict(text, signals.decided.relevant, 'strong', signals.decided.reason);
  if (signals.weak >= 2) return verdict(text, true, 'weak', 'weak words');
  if (isOngoingConversation(input)) {
    if (signals.weakInContext >= 1) return verdict(text, true, 'weak', 'follow-up with a sport word');
    if (signals.conversational) return verdict(text, true, 'weak', 'conversational follow-up');
  }
  return verdict(text, false, 'weak', signals.weak ? 'one weak word' : 'no basketball signal');
}

/** The guardrail's result for a relevance verdict (the demo's `output_info` on a trip). */
export function guardrailOutput(relevance: Pick<NbaRelevance, 'tripwireTriggered'>) {
  return relevance.tripwireTriggered
    ? { tripwireTriggered: true, outputInfo: { reason: OFF_TOPIC_REASON } }
    : { tripwireTriggered: false, outputInfo: null };
}

/**
 * The keyword input guardrail. It runs before the model is called (`runInParallel: false`), so an off-topic request
 * costs no model tokens; on a trip its `outputInfo` is `{ reason }` as in the demo.
 */
export const nbaContentGuardrail: InputGuardrail = {
  name: NBA_GUARDRAIL_NAME,
  runInParallel: false,
  execute: async ({ input }: InputGuardrailFunctionArgs) => guardrailOutput(checkNbaRelevance(input)),
};

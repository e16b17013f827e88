/**
 * What a message says on its own, read once per text (memoised): the decisive signals (a team or player named as
 * such, basketball named outright, another sport) and the evidence the classifier weighs (basketball terms, weak
 * sport words, cities, everyday team words, other-topic markers).
 */
import { findAward, findConference, findPlayers, findRecord, findTeams } from '../offline/entities.js';
import { memoize, normalize, phraseRegExp, words } from '../offline/text.js';
import {
  ARENAS,
  COACHES,
  OFF_TOPIC_MARKERS,
  OTHER_SPORTS,
  PLEASANTRIES,
  STRONG_WORDS,
  WEAK_WORDS,
} from '../offline/vocabulary.js';
import {
  AMBIGUOUS_NAMES,
  everydayOf,
  PLACE_ALIASES,
  partOfOtherName,
  RARELY_EVERYDAY,
  writtenAsName,
} from './names.js';
import { MARKERS_OF_THE_GAME, MORE_OFF_TOPIC, MORE_OTHER_SPORTS } from './other-topics.js';
import { PhraseIndex } from './phrases.js';
import { BASKETBALL_FLAGS } from './requests.js';
import {
  BASKETBALL_ONLY_TERMS,
  FOLLOW_UP_WORDS,
  GENERIC_SPORT_WORDS,
  HOOPS_TERMS,
  LEGEND_NICKNAMES,
  LEGENDS,
  TEAM_QUESTION_WORDS,
} from './terms.js';
import { fixSwappedLetters } from './typos.js';

/** Text shorter than this passes unchecked (the demo's rule). */
export const MIN_CHECKED_LENGTH = 5;

/** The word lists, in bit order. */
const LISTS = [
  // Nicknames shorter than four letters ("Pop") are everyday words: left to the classifier.
  { phrases: [...COACHES, ...LEGENDS].filter((name) => name.length >= 4) },
  { phrases: ['nba', 'wnba', 'basketball', 'hoops', 'fiba', 'euroleague', ...BASKETBALL_ONLY_TERMS], plurals: true },
  { phrases: STRONG_WORDS, plurals: true },
  { phrases: HOOPS_TERMS, plurals: true },
  { phrases: LEGEND_NICKNAMES },
  { phrases: [...WEAK_WORDS, 'teammate', 'teammates'], plurals: true },
  { phrases: [...OTHER_SPORTS, ...MORE_OTHER_SPORTS] },
  { phrases: [...OFF_TOPIC_MARKERS.filter((m) => !MARKERS_OF_THE_GAME.has(m)), ...MORE_OFF_TOPIC] },
  // Arenas also hold concerts ("concerts at the Garden"): an arena is decisive only without an event of another kind.
  { phrases: ARENAS },
];
const [PERSON, BASKETBALL, STRONG, TERM, NICKNAME, WEAK, OTHER_SPORT, OFF_TOPIC, ARENA] = LISTS.map(
  (_, i) => 1 << i,
) as [number, number, number, number, number, number, number, number, number];
let phrases: PhraseIndex | undefined;
/** The phrase index, built on first use (not at import: startup stays cheap). */
const PHRASES = {
  match(text: readonly string[]): number {
    if (!phrases) phrases = new PhraseIndex(LISTS);
    return phrases.match(text);
  },
};
/** "the bucks", "the heat" in lower case: often the team, sometimes not ("the heat in July"). */
const THE_TEAM_WORD = new RegExp(`\\bthe (?:${[...AMBIGUOUS_NAMES].join('|')})\\b`);
const ELLIPSIS =
  /^(?:(?:nice|ok|okay|cool|great|thanks|wow|right|alright|so|but|hmm|interesting)\s+)*(?:(?:what|how) about|and)\s+(?:the\s+)?(.+?)\s*$/;
const PLEASANTRY = new RegExp(`^(?:${phraseRegExp(PLEASANTRIES, '').source}[\\s!.,]*)+$`);

/**
 * Flags that hint at sport: those that name basketball on their own, and the weaker ones (a team word, a city, a
 * surname...). A message with an other-topic marker and none of these is refused by rule.
 */
const SPORT_EVIDENCE: ReadonlySet<string> = new Set([
  ...BASKETBALL_FLAGS,
  'team-word',
  'city',
  'surname',
  'nickname',
  'weak-word',
  'the-team-word',
]);

/** "what does full court press mean in sales", "is a layup the same as a lay-off in accounting": a term's other sense. */
const BORROWED =
  /\b(?:mean|means|meaning|same as|stand for|stands for|slang for)\b.*?\b(?:in|for|at)\s+(?:a |an |the |my |our )?([a-z0-9]+)/;
/** Words that name basketball outright, whatever else the message says. */
const BASKETBALL_NAMES = new Set(['nba', 'wnba', 'basketball', 'hoops', 'ncaa', 'fiba']);

/** Events an arena holds besides games. */
const EVENTS = new Set(
  'concert concerts tour tours show shows comedy festival circus wedding graduation monster truck trucks ice parking'.split(
    ' ',
  ),
);

/** Evidence that only names a place or an everyday word ("the heat in Phoenix", "Warriors in a gang movie"). */
const IDENTITY_ONLY = new Set(['team-word', 'the-team-word', 'city', 'cities', 'nickname', 'surname']);

/** The outcome the rules reach alone, or none (the classifier decides). */
export interface Decision {
  readonly relevant: boolean;
  readonly reason: string;
}

/** Everything the guardrail reads from one message text. */
export interface TextSignals {
  readonly short: boolean;
  readonly pleasantry: boolean;
  /** A verdict no context changes: a named team, player, coach or arena, basketball by name, another sport. */
  readonly decided?: Decision;
  /** The normalised words (for the classifier's word features). */
  readonly words: readonly string[];
  /** Signal names (the classifier's non-word features). */
  readonly flags: readonly string[];
  /** At most eight words, all of them conversational ("who won?", "and the year before?"). */
  readonly conversational: boolean;
  /** Nothing but conversational words and a team, city or team word ("Same question for Detroit"). */
  readonly teamTurn: boolean;
  /** {@link teamTurn} about one team only ("tell me about the raptors", not "the heat in Phoenix"). */
  readonly oneTeamTurn: boolean;
  /** A short turn of conversational and generic sport words ("tell me about the score please"). */
  readonly genericTurn: boolean;
}

/** A word short follow-ups are made of ("who", "won", "series"). */
export function isFollowUpWord(word: string): boolean {
  return FOLLOW_UP_WORDS.has(word) || GENERIC_SPORT_WORDS.has(word);
}

function teamSignals(original: string, n: string) {
  const otherSport = (word: string) => (PHRASES.match([word]) & OTHER_SPORT) !== 0;
  const teams = findTeams(original)
    .map((m) => (m.kind === 'name' && PLACE_ALIASES.has(m.text) ? { ...m, kind: 'city' as const } : m))
    // "the kings of France", "suns of other galaxies": an everyday team word followed by "of" is not the team.
    .filter((m) => !(m.kind === 'name' && AMBIGUOUS_NAMES.has(m.text) && everydayOf(n, m.text)))
    // A near miss that is another sport's team ("Packers") or a singular everyday word ("cavalier") is no team.
    .filter((m) => !(m.kind === 'typo' && (otherSport(m.text) || AMBIGUOUS_NAMES.has(`${m.text}s`))));
  const clear = teams.some(
    (m) => (m.kind === 'name' && !AMBIGUOUS_NAMES.has(m.text)) || m.kind === 'abbreviation' || m.kind === 'typo',
  );
  const everyday = teams.filter((m) => m.kind === 'name' && AMBIGUOUS_NAMES.has(m.text));
  // "the Heat" is a team, but "the Magic Kingdom" or "the Kings of Leon" is something else.
  const named = everyday.some((m) => writtenAsName(original, m.text) && !partOfOtherName(original, m.text));
  const cities = teams.filter((m) => m.kind === 'city').length;
  return { names: teams.map((m) => m.text), clear, named, everyday: everyday.length > 0 && !named, cities };
}

function read(original: string): TextSignals {
  const n = normalize(original);
  // Swapped-letter typos of sport words are read as the word ("whats the bucks recrod").
  const all = words(n).map((w) => fixSwappedLetters(w.word));
  const lists = PHRASES.match(all);
  const base = {
    short: original.trim().length < MIN_CHECKED_LENGTH,
    pleasantry: PLEASANTRY.test(n),
    words: all,
    conversational: all.length <= 8 && all.every((w) => FOLLOW_UP_WORDS.has(w)),
  };
  const team = teamSignals(original, n);
  const players = findPlayers(n);
  const player = players.some((p) => !p.surnameOnly);
  const person = (lists & PERSON) !== 0 || ((lists & ARENA) !== 0 && !all.some((w) => EVENTS.has(w)));
  const named = (lists & BASKETBALL) !== 0;
  const otherSport = (lists & OTHER_SPORT) !== 0;
  const offTopic = (lists & OFF_TOPIC) !== 0;
  const record = findRecord(n);
  const flags: string[] = [];
  const flag = (name: string, on: boolean | number) => {
    if (on) flags.push(name);
  };
  flag('team', team.clear);
  flag('team-named', team.named);
  flag('team-word', team.everyday);
  flag('city', team.cities === 1);
  flag('cities', team.cities > 1);
  flag('player', player);
  flag(
    'surname',
    players.some((p) => p.surnameOnly),
  );
  flag('person', person);
  flag('nickname', lists & NICKNAME);
  flag('the-team-word', team.everyday && THE_TEAM_WORD.test(n));
  flag('basketball', named);
  flag('strong-word', lists & STRONG);
  const weak = (lists & WEAK) !== 0;
  const term = (lists & TERM) !== 0;
  flag('weak-word', weak);
  flag('term', term);
  // A city or an everyday team word next to sport words ("How many wins for Orlando?") reads as the team.
  flag('city+sport', team.cities > 0 && (weak || term));
  flag('team-word+sport', team.everyday && (weak || term));
  // "How many points did Wilt score?", "Is Jordan's scoring record safe?": a legend's short name next to sport words.
  flag('nickname+sport', (lists & NICKNAME) !== 0 && (weak || term));
  flag('surname+sport', players.some((p) => p.surnameOnly) && (weak || term));
  flag('award', findAward(n) !== undefined);
  flag('conference', findConference(n) !== undefined);
  flag('record', record !== undefined);
  flag('record-82', record !== undefined && record.wins + record.losses === 82);
  flag('season-label', /\b(?:19|20)\d\d-\d\d\b/.test(n));
  flag('other-sport', otherSport);
  flag('off-topic', offTopic);
  flag('question', /\?\s*$/.test(original));
  flag(all.length <= 3 ? 'len-short' : all.length <= 8 ? 'len-mid' : 'len-long', true);
  flag('conversational', base.conversational);

  // "how did the kings do", "How did Sacramento do?", "how many Ls for the nets": a team and words about how it did.
  // An everyday team word counts only with "the" ("how did the kings do", not "the record heat in Phoenix").
  const teamWords = new Set(
    team.names
      .filter((name) => !AMBIGUOUS_NAMES.has(name) || all.some((w, i) => w === name && afterThe(all, i)))
      .flatMap((name) => name.split(' ')),
  );
  const teamTurn =
    teamWords.size > 0 &&
    all.length <= 10 &&
    // A season or year beside the team ("the 96 bulls", "the 2004 pistons") is still the team.
    all.every((w) => teamWords.has(w) || FOLLOW_UP_WORDS.has(w) || TEAM_QUESTION_WORDS.has(w) || isSeasonWord(w));
  const teamQuestion = teamTurn && all.some((w) => TEAM_QUESTION_WORDS.has(w));
  const oneTeamTurn = teamTurn && team.names.length === 1;
  flag('team-question', teamQuestion);

  // "And Denver?", "nice, and the bucks?", "What about the Heat?": nothing but a team after the prompt words.
  const bare = ELLIPSIS.exec(n);
  const elliptical = bare !== null && team.names.includes(bare[1]!);
  flag('elliptical-team', elliptical);

  // Any word or name that could be about sport: without one, a clearly other topic ("a recipe for paella") is decided.
  // A city or an everyday team word alone does not hold against it ("who were the warriors in that movie").
  const sportEvidence = flags.some((f) => SPORT_EVIDENCE.has(f) && !IDENTITY_ONLY.has(f));
  // "why does everyone hate the clippers", "how did the pelicans do with zion": "the" and a team word in lower case is
  // the team when the word is rarely anything else, or when it comes with sport or how-did-they-do words.
  const theTeam =
    !offTopic &&
    team.everyday &&
    team.names.some(
      (name) =>
        AMBIGUOUS_NAMES.has(name) &&
        all.some((w, i) => w === name && all[i - 1] === 'the') &&
        (RARELY_EVERYDAY.has(name) || weak || term || all.some((w) => TEAM_QUESTION_WORDS.has(w))),
    );

  // The field a term's meaning is asked in: another one than the game's ("in accounting", not "in the playoffs").
  const field = BORROWED.exec(n)?.[1];
  const borrowed =
    field !== undefined &&
    !team.clear &&
    !player &&
    !team.names.includes(field) &&
    (PHRASES.match([field]) & (BASKETBALL | STRONG | TERM | WEAK | OTHER_SPORT)) === 0 &&
    !FOLLOW_UP_WORDS.has(field) &&
    !GENERIC_SPORT_WORDS.has(field) &&
    !all.some((w) => BASKETBALL_NAMES.has(w));

  let decided: Decision | undefined;
  if (otherSport && !named && !team.clear && !player) decided = { relevant: false, reason: 'other sport' };
  else if (borrowed) decided = { relevant: false, reason: 'borrowed term' };
  else if (offTopic && !sportEvidence) decided = { relevant: false, reason: 'other topic' };
  // Basketball named beside another topic or sport ("forget the NBA, tell me a joke"), or an everyday team word against
  // a clearly other topic ("the Rockets engine at SpaceX"), is left to the classifier.
  else if (
    (named && !offTopic && !otherSport) ||
    team.clear ||
    player ||
    person ||
    elliptical ||
    teamQuestion ||
    theTeam ||
    (team.named && !offTopic)
  )
    decided = { relevant: true, reason: named ? 'basketball named' : player || person ? 'person' : 'team' };
  const genericTurn = all.length <= 8 && all.every((w) => FOLLOW_UP_WORDS.has(w) || GENERIC_SPORT_WORDS.has(w));
  return { ...base, teamTurn, oneTeamTurn, genericTurn, ...(decided ? { decided } : {}), flags };
}

/** "96", "2004": a season or year written before a team. */
const isSeasonWord = (word: string): boolean => /^\d{2,4}$/.test(word);

/** "the kings", "the 2004 pistons": a word after "the", perhaps with a season or year between. */
function afterThe(all: readonly string[], i: number): boolean {
  return all[i - 1] === 'the' || (isSeasonWord(all[i - 1] ?? '') && all[i - 2] === 'the');
}

/** The signals of one message text (remembered per text: the runner re-sends whole conversations). */
export const textSignals: (original: string) => TextSignals = memoize(read);

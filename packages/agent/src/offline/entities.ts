/**
 * Finding the things a question names: teams (full names, nicknames, cities, abbreviations, common short names and
 * small typos), players, conferences, playoff rounds, awards, records and numbers. Reads the snapshot; no answers here.
 */
import {
  type AwardKey,
  type Conference,
  SNAPSHOT,
  type SnapshotPlayer,
  type SnapshotSeries,
  type SnapshotTeam,
} from './snapshot-2024-25.js';
import { allMatches, editDistance, memoize, normalize, phraseRegExp, words } from './text.js';

/** How a team was named: its full name, nickname or alias; its city; its abbreviation; or a near miss (typo). */
export type TeamMatchKind = 'name' | 'city' | 'abbreviation' | 'typo';

/** A team found in a normalised text. */
export interface TeamMention {
  readonly team: SnapshotTeam;
  readonly index: number;
  readonly kind: TeamMatchKind;
  /** The words that matched (normalised). */
  readonly text: string;
}

/** A player found in a normalised text. */
export interface PlayerMention {
  readonly player: SnapshotPlayer;
  readonly index: number;
  /** True when only a common surname matched (weak evidence for the guardrail). */
  readonly surnameOnly: boolean;
}

// "LA" and "Los Angeles" name two teams: never a team on their own.
const AMBIGUOUS_CITIES = new Set(['los angeles', 'la']);
// Abbreviations that are also words are only recognised in capitals, on the original text.
const LOWERCASE_SAFE_ABBREVIATIONS = new Set([
  'okc',
  'gsw',
  'nyk',
  'lal',
  'lac',
  'bkn',
  'phx',
  'nop',
  'cle',
  'bos',
  'mia',
  'hou',
  'dal',
  'uta',
  'atl',
  'orl',
  'sas',
]);

const TEAM_NAMES: ReadonlyMap<string, { team: SnapshotTeam; kind: TeamMatchKind }> = (() => {
  const names = new Map<string, { team: SnapshotTeam; kind: TeamMatchKind }>();
  for (const team of SNAPSHOT.teams) {
    for (const name of [`${team.city} ${team.nickname}`, team.nickname, ...team.aliases])
      names.set(normalize(name), { team, kind: 'name' });
    const city = normalize(team.city);
    if (!AMBIGUOUS_CITIES.has(city) && !names.has(city)) names.set(city, { team, kind: 'city' });
    const abbreviation = team.abbreviation.toLowerCase();
    if (LOWERCASE_SAFE_ABBREVIATIONS.has(abbreviation) && !names.has(abbreviation))
      names.set(abbreviation, { team, kind: 'abbreviation' });
  }
  return names;
})();

const TEAM_PATTERN = phraseRegExp([...TEAM_NAMES.keys()]);
const UPPERCASE_ABBREVIATION = new RegExp(
  `(?<![A-Za-z0-9])(?:${SNAPSHOT.teams.map((t) => t.abbreviation).join('|')})(?![A-Za-z0-9])`,
  'g',
);

/** Single-word names long enough to be matched with one typo (two from nine letters). */
const TYPO_TARGETS: ReadonlyArray<{ word: string; team: SnapshotTeam; letters: number }> = [...TEAM_NAMES]
  .filter(([name, { kind }]) => !name.includes(' ') && name.length >= 6 && kind !== 'abbreviation')
  .map(([word, { team }]) => ({ word, team, letters: letterSet(word) }));

/** The set of letters of a word as bits (a-z). One edit changes this set by at most two letters. */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) - 97;
    if (code >= 0 && code < 26) bits |= 1 << code;
  }
  return bits;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Real words one letter away from a team name ("papers" is not "Pacers"). */
const NOT_TYPOS = new Set([
  'bakers',
  'makers',
  'takers',
  'lakes',
  'papers',
  'pacer',
  'racers',
  'pagers',
  'pockets',
  'lockets',
  'rocket',
  'sockets',
  'hornet',
  'wizard',
  'rockers',
  'kickers',
  'knocks',
  'nuggets',
  'pistol',
  'pistols',
  'mavericks',
  'raptor',
  'clippers',
  'clipper',
  'blazer',
  'warrior',
  'bullets',
  'thunders',
  'wonder',
  'sunder',
  'under',
  'denver',
  'bostons',
  'hawkers',
  'spurts',
  'sports',
  'spares',
  'magics',
  'heats',
  'kings',
  'sonics',
  'carriers',
  'worriers',
  'barriers',
  'dallas',
  'celtic',
  'pelican',
  'charlotte',
  'toronto',
  'atlanta',
  'portland',
  'memphis',
  'houston',
  'orlando',
  'chicago',
  'mileage',
  'dollars',
  'ballas',
  'detroit',
  'indians',
  'indiana',
  'utahs',
  'cleaveland',
  'millwaukee',
]);

function typoMentions(text: string, taken: readonly { index: number; end: number }[]): TeamMention[] {
  const found: TeamMention[] = [];
  for (const { word, index } of words(text)) {
    if (word.length < 6 || NOT_TYPOS.has(word) || TEAM_NAMES.has(word)) continue;
    if (taken.some((t) => index >= t.index && index < t.end)) continue;
    const max = word.length >= 9 ? 2 : 1;
    const letters = letterSet(word);
    let best: { team: SnapshotTeam; distance: number } | undefined;
    for (const target of TYPO_TARGETS) {
      // Cheap filters first: the edit distance is at least the length difference and half the letter-set difference.
      if (Math.abs(target.word.length - word.length) > max || bitCount(letters ^ target.letters) > 2 * max) continue;
      const distance = editDistance(word, target.word, max);
      if (distance <= max && (!best || distance < best.distance)) best = { team: target.team, distance };
    }
    if (best) found.push({ team: best.team, index, kind: 'typo', text: word });
  }
  return found;
}

/**
 * Every team named in `original` (the user's text), in order of first mention, one entry per team.
 * `normalized` may be passed when the caller already has `normalize(original)`.
 */
export function findTeams(original: string, normalized?: string): TeamMention[] {
  return normalized === undefined ? findTeamsMemo(original) : findTeamsIn(original, normalized);
}

const findTeamsMemo = memoize((original: string) => findTeamsIn(original, normalize(original)));

function findTeamsIn(original: string, normalized: string): TeamMention[] {
  const mentions: TeamMention[] = [];
  const taken: Array<{ index: number; end: number }> = [];
  for (const match of allMatches(TEAM_PATTERN, normalized)) {
    const entry = TEAM_NAMES.get(match.text);
    if (!entry) continue;
    mentions.push({ team: entry.team, index: match.index, kind: entry.kind, text: match.text });
    taken.push({ index: match.index, end: match.index + match.text.length });
  }
  // Capitalised abbreviations ("MIN", "DEN") on the original text; offsets are approximate there, fine for ordering.
  for (const match of allMatches(UPPERCASE_ABBREVIATION, original)) {
    const team = SNAPSHOT.teams.find((t) => t.abbreviation === match.text);
    if (team) mentions.push({ team, index: match.index, kind: 'abbreviation', text: match.text.toLowerCase() });
  }
  mentions.push(...typoMentions(normalized, taken));
  const first = new Map<SnapshotTeam, TeamMention>();
  for (const mention of mentions.sort((a, b) => a.index - b.index))
    if (!first.has(mention.team)) first.set(mention.team, mention);
  return [...first.values()];
}

/** Surnames that are also everyday words or shared names: they only count next to a first name or as an alias. */
const COMMON_SURNAMES = new Set([
  'young',
  'brown',
  'green',
  'white',
  'ball',
  'hart',
  'reid',
  'lee',
  'paul',
  'allen',
  'miller',
  'turner',
  'booker',
  'powell',
  'harris',
  'thomas',
  'murray',
  'butler',
  'curry',
  'fox',
  'castle',
  'bridges',
  'holiday',
  'johnson',
  'daniels',
  'mitchell',
  'gordon',
  'davis',
  'george',
  'towns',
  'edwards',
  'leonard',
  'james',
  'williams',
  'thompson',
  'jackson',
  'porter',
  'barnes',
  'bane',
  'hunter',
  'wagner',
  'sharpe',
  'simons',
  'poole',
  'lopez',
  'dort',
  'beal',
  'white',
  'jr',
  'iii',
  'caruso',
  'nesmith',
  'garland',
  'brooks',
  'irving',
  'sexton',
  'suggs',
  'kessler',
  'quickley',
  'ingram',
  'randle',
  'mcdaniels',
  'middleton',
  'duren',
  'sarr',
  'wiggins',
  'herro',
  'allen',
  'reaves',
  'smith',
  'anunoby',
  'harden',
  'white',
  'cunningham',
  'williamson',
  'barrett',
  'pritchard',
  'horford',
  'mcconnell',
  'turner',
]);

const PLAYER_NAMES: ReadonlyMap<string, { player: SnapshotPlayer; surnameOnly: boolean }> = (() => {
  const names = new Map<string, { player: SnapshotPlayer; surnameOnly: boolean }>();
  const surnameCount = new Map<string, number>();
  for (const player of SNAPSHOT.players) {
    const surname =
      normalize(player.name)
        .split(' ')
        .filter((w) => !['jr', 'jr.', 'iii'].includes(w))
        .at(-1) ?? '';
    surnameCount.set(surname, (surnameCount.get(surname) ?? 0) + 1);
  }
  for (const player of SNAPSHOT.players) {
    for (const name of [player.name, ...player.aliases]) {
      names.set(normalize(name), { player, surnameOnly: false });
      names.set(normalize(name).replace(/['.]/g, ''), { player, surnameOnly: false });
    }
    const surname =
      normalize(player.name)
        .split(' ')
        .filter((w) => !['jr', 'jr.', 'iii'].includes(w))
        .at(-1) ?? '';
    if (surname.length >= 4 && surnameCount.get(surname) === 1 && !names.has(surname)) {
      names.set(surname, { player, surnameOnly: COMMON_SURNAMES.has(surname) });
    }
  }
  return names;
})();
const PLAYER_PATTERN = phraseRegExp([...PLAYER_NAMES.keys()]);

/** Every notable player named in the normalised text, in order, one entry per player. */
export function findPlayers(normalized: string): PlayerMention[] {
  const seen = new Set<SnapshotPlayer>();
  const found: PlayerMention[] = [];
  for (const match of allMatches(PLAYER_PATTERN, normalized)) {
    const entry = PLAYER_NAMES.get(match.text);
    if (!entry || seen.has(entry.player)) continue;
    seen.add(entry.player);
    found.push({ player: entry.player, index: match.index, surnameOnly: entry.surnameOnly });
  }
  return found;
}

/** The conference a normalised text names ("east", "eastern", "west", …), first mention wins. */
export function findConference(normalized: string): Conference | undefined {
  const match = /(?<![a-z])(east|eastern|west|western|ecf|wcf)(?![a-z])/.exec(normalized);
  if (!match) return undefined;
  return match[1]!.startsWith('e') ? 'East' : 'West';
}

/** A playoff round named in the text. */
export function findRound(normalized: string): SnapshotSeries['round'] | undefined {
  if (
    /\b(?:conference finals?|conference finalists?|conf(?:erence)? finals?|east(?:ern)? finals?|west(?:ern)? finals?|ecf|wcf|third round|final four)\b/.test(
      normalized,
    )
  )
    return 'Conference Finals';
  if (/\b(?:rd|r) ?3\b/.test(normalized)) return 'Conference Finals';
  if (
    /\b(?:semi-?finals?|semis|second round|2nd round|round (?:2|two)|conference semi|round of 8|(?:rd|r) ?2)\b/.test(
      normalized,
    )
  )
    return 'Conference Semifinals';
  if (
    /\b(?:first round|1st round|round (?:1|one)|opening round|first-round|round of 16|(?:rd|r) ?1|play(?:ed)? first|first opponent|opening series)\b/.test(
      normalized,
    )
  )
    return 'First Round';
  if (
    /\b(?:nba finals?|finals|the final(?! (?:record|score|standings?|tally|table|seed|result|regular|week|day))|final game)\b/.test(
      normalized,
    )
  )
    return 'NBA Finals';
  return undefined;
}

const AWARD_PATTERNS: ReadonlyArray<[AwardKey, RegExp]> = [
  ['eastFinalsMvp', /\b(?:east(?:ern)?(?: conference)? finals? mvp|larry bird (?:trophy|award)|ecf mvp)\b/],
  ['westFinalsMvp', /\b(?:west(?:ern)?(?: conference)? finals? mvp|magic johnson (?:trophy|award)|wcf mvp)\b/],
  [
    'finalsMvp',
    /\b(?:finals? mvp|bill russell (?:trophy|award)|mvp of the finals|most valuable player of the finals)\b/,
  ],
  [
    'rookieOfTheYear',
    /\b(?:rookie of the year|roy|roty|top rookie|best rookie|rookie award|wilt chamberlain trophy)\b/,
  ],
  [
    'defensivePlayerOfTheYear',
    /\b(?:defensive player(?: of the year)?|dpoy|best defender|top defender|defensive award|hakeem olajuwon trophy)\b/,
  ],
  ['sixthMan', /\b(?:sixth[- ]man|6th man|6moy|smoy|best bench player|best sixth|john havlicek trophy)\b/],
  ['mostImproved', /\b(?:most improved|mip|george mikan trophy)\b/],
  ['coachOfTheYear', /\b(?:coach of the year|coy|best coach|top coach|red auerbach trophy)\b/],
  ['clutchPlayer', /\b(?:clutch player(?: of the year)?|clutch award|most clutch|jerry west trophy)\b/],
  ['mvp', /\b(?:mvp|most valuable player|michael jordan trophy|maurice podoloff)\b/],
];

/** The award a normalised text asks about, if any. */
export function findAward(normalized: string): AwardKey | undefined {
  for (const [key, pattern] of AWARD_PATTERNS) if (pattern.test(normalized)) return key;
  return undefined;
}

/** A won-lost record stated in a text ("46-36", "46 and 36", "46 wins and 36 losses"), never a season label ("2024-25"). */
export function findRecord(normalized: string): { wins: number; losses: number } | undefined {
  const patterns = [
    /(?<![\d.-])(\d{1,3}) ?wins?,? (?:and |with |to |against )?(\d{1,3}) ?loss(?:es)?\b/,
    /\bw[oi]ns? (\d{1,2})(?: games)?,? (?:and |but )?los(?:t|es|s) (\d{1,2})\b/,
    /(?<![\d.-])(\d{1,3}) ?- ?(\d{1,3})(?![\d-])/,
    /\b(?:went|finished|finish|record of|record was|at|go|goes) (\d{1,2}) (?:to|and) (\d{1,2})(?![\d-])/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(normalized);
    if (!match) continue;
    const wins = Number(match[1]);
    const losses = Number(match[2]);
    // "2024-25", "24-25" and scores like "103-91" without record words are not records.
    if (
      /(?<![\d.-])(?:20)?2[0-9] ?- ?2[0-9](?![\d-])/.test(match[0]) &&
      (wins === 2024 || wins === 24 || wins === 23 || wins === 25) &&
      losses === wins + 1
    )
      continue;
    if (wins > 82 || losses > 82) continue;
    // "the 7-8 play-in game", "seeds 1-8": small pairs next to seeds or games are not records.
    if (wins + losses <= 20 && /\b(?:play-?in|seeds?|game|matchup)\b/.test(normalized)) continue;
    // "4-3" is a series score unless the question is about a record or a percentage.
    if (wins <= 4 && losses <= 4 && !/\b(?:record|percentage|pct|percent|went)\b/.test(normalized)) continue;
    return { wins, losses };
  }
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** Reads "5", "five", "5th" or "fifth" as a number. */
export function readNumber(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (digits) return Number(digits[1]);
  return NUMBER_WORDS[word];
}

/** "top 5", "bottom three", "five best", "3 worst": the size of a list asked for. */
export function findCount(normalized: string): number | undefined {
  const match =
    /\b(?:top|bottom|best|worst|first|last)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(
      normalized,
    ) ??
    /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:best|worst|top|bottom|teams)\b/.exec(normalized);
  const n = readNumber(match?.[1]);
  return n !== undefined && n >= 1 && n <= 30 ? n : undefined;
}

/** "8 seed", "eighth seed", "No. 1 seed", "seeded 3rd": the seed asked for. */
export function findSeed(normalized: string): number | undefined {
  const match =
    /\b(?:no\.? ?|number )?(\d{1,2}(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|first|second|third|fourth|fifth|sixth|seventh|eighth)[- ]seeds?\b/.exec(
      normalized,
    ) ??
    /\bseeded (\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth)\b/.exec(normalized) ??
    /\b(?:finished|placed|ended up|ranked) (\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b/.exec(
      normalized,
    );
  if (match?.[1] === 'last') return 15;
  const n = readNumber(match?.[1]);
  return n !== undefined && n >= 1 && n <= 15 ? n : undefined;
}

/** "Game 7", "game seven", "the seventh game": the game number asked about. */
export function findGameNumber(normalized: string): number | undefined {
  const match =
    /\bgame (\d|one|two|three|four|five|six|seven)\b/.exec(normalized) ??
    /\b(first|second|third|fourth|fifth|sixth|seventh|last|final|deciding|clinching) game\b/.exec(normalized);
  if (!match) return undefined;
  if (['last', 'final', 'deciding', 'clinching'].includes(match[1]!)) return SNAPSHOT.finals.clinchingGame.game;
  const n = readNumber(match[1]);
  return n !== undefined && n >= 1 && n <= 7 ? n : undefined;
}

/** "48 wins", "won 50 games", "fewer than 30 wins": a number of wins named without a full record. */
export function findWinCount(
  normalized: string,
): { wins?: number; losses?: number; atLeast?: boolean; atMost?: boolean } | undefined {
  const atLeast =
    /\b(?:at least|(?:more|over) than|over|(\d{1,2}) or more|(\d{1,2})\+)\s*(\d{1,2})?\s*(?:wins|games|victories)?/.exec(
      normalized,
    );
  const range =
    /\b(?:at least|more than|over) (\d{1,2}) (?:wins|games|victories)\b|\b(\d{1,2}) or more (?:wins|games|victories)\b|\b(\d{1,2})\+ (?:wins|games|victories)\b/.exec(
      normalized,
    );
  if (atLeast && range) {
    const value = Number(range[1] ?? range[2] ?? range[3]);
    const strict = /\b(?:more than|over) \d/.test(normalized);
    return { wins: strict ? value + 1 : value, atLeast: true };
  }
  const below =
    /\b(?:fewer than|less than|under) (\d{1,2}) (?:wins|games|victories)\b|\b(\d{1,2}) or fewer (?:wins|games|victories)\b/.exec(
      normalized,
    );
  if (below) return { wins: below[1] !== undefined ? Number(below[1]) - 1 : Number(below[2]), atMost: true };
  const wins =
    /\b(\d{1,2}) (?:wins|win|victories|games won)\b/.exec(normalized) ?? /\bwon (\d{1,2}) games?\b/.exec(normalized);
  if (wins) return { wins: Number(wins[1]) };
  const losses =
    /\b(\d{1,2}) (?:losses|defeats|games lost)\b/.exec(normalized) ?? /\blost (\d{1,2}) games?\b/.exec(normalized);
  if (losses) return { losses: Number(losses[1]) };
  return undefined;
}

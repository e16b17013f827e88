/**
 * Finding the other things a question names: conferences, playoff rounds, awards, records, counts, seeds, game
 * numbers and win counts. Teams and players are found in `teams.ts` and `players.ts` (re-exported here).
 */
import { type AwardKey, type Conference, SNAPSHOT, type SnapshotSeries } from './snapshot-2024-25.js';

export { findPlayers, type PlayerMention } from './players.js';
export { findTeams, type TeamMention } from './teams.js';

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
    /\b(?:nba finals?|finals|the final(?! (?:record|score|standings?|tally|table|seed|result|regular|week|day|series|margin|place|position))|final game)\b/.test(
      normalized,
    )
  )
    return 'NBA Finals';
  return undefined;
}

// Every award pattern contains one of these: most messages are turned away by this one test.
const AWARD_HINT =
  /\b(?:mvp|most|rookie|roy|roty|defens|dpoy|best|top|sixth|6th|6moy|smoy|improved|mip|coach|coy|coty|clutch|trophy|award|larry bird|magic johnson|bill russell|wilt|hakeem|john havlicek|george mikan|red auerbach|jerry west|michael jordan|maurice|ecf|wcf)/;
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
  ['coachOfTheYear', /\b(?:coach of the year|coy|coty|best coach|top coach|red auerbach trophy)\b/],
  ['clutchPlayer', /\b(?:clutch player(?: of the year)?|clutch award|most clutch|jerry west trophy)\b/],
  ['mvp', /\b(?:mvp|most valuable player|michael jordan trophy|maurice podoloff)\b/],
];

/** The award a normalised text asks about, if any. */
export function findAward(normalized: string): AwardKey | undefined {
  if (!AWARD_HINT.test(normalized)) return undefined;
  for (const [key, pattern] of AWARD_PATTERNS) if (pattern.test(normalized)) return key;
  return undefined;
}

const HAS_DIGIT = /\d/;
const BETWEEN = /\bbetween (\d{1,2}) and (\d{1,2}) (?:wins|games|victories)\b/;
const EXACTLY = /\b(?:exactly|precisely|just|only) (?=\d)/g;
const RECORD_PATTERNS: readonly RegExp[] = [
  /(?<![\d.-])(\d{1,3}) ?wins?,? (?:and |with |to |against )?(\d{1,3}) ?loss(?:es)?\b/,
  /\bw[oi]ns? (\d{1,2})(?: games)?,? (?:and |but )?los(?:t|es|s) (\d{1,2})\b/,
  /(?<![\d.-])(\d{1,3}) ?- ?(\d{1,3})(?![\d-])/,
  /\b(?:went|finished|finish|record of|record was|at|go|goes) (\d{1,2}) (?:to|and) (\d{1,2})(?![\d-])/,
];
const OUT_OF =
  /\b(?:(\d{1,2}) (?:wins?|games? won|victories) out of|(?:won|win|wins) (\d{1,2})(?: games)? (?:out of|of)|(\d{1,2}) out of) (\d{1,2})(?: games)?\b/;

/** A won-lost record stated in a text ("46-36", "46 and 36", "46 wins and 36 losses"), never a season label ("2024-25"). */
export function findRecord(normalized: string): { wins: number; losses: number } | undefined {
  if (!HAS_DIGIT.test(normalized)) return undefined;
  // "41 wins out of 82 games", "won 57 of 82": the losses are the rest of the games.
  const outOf = OUT_OF.exec(normalized);
  const outOfWins = Number(outOf?.[1] ?? outOf?.[2] ?? outOf?.[3]);
  const outOfGames = Number(outOf?.[4]);
  // A bare "41 out of 50" is a record only over a full season.
  if (
    outOf &&
    (outOf[3] === undefined || outOfGames === 82) &&
    outOfGames >= 20 &&
    outOfGames <= 82 &&
    outOfWins <= outOfGames
  )
    return { wins: outOfWins, losses: outOfGames - outOfWins };
  for (const pattern of RECORD_PATTERNS) {
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

const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD =
  /\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b/g;

/**
 * Numbers from ten up written as words ("sixty wins", "forty-six and thirty-six") as digits, so records and win counts
 * read the same either way. Smaller numbers stay words: "which one", "top three" are read as words.
 */
export function numbersAsDigits(normalized: string): string {
  NUMBER_WORD.lastIndex = 0;
  if (!NUMBER_WORD.test(normalized)) return normalized;
  return normalized.replace(
    NUMBER_WORD,
    (_, tens: string | undefined, unit: string | undefined, teen: string | undefined) =>
      String(tens ? TENS[tens]! + (unit ? NUMBER_WORDS[unit]! : 0) : TEENS[teen!]!),
  );
}

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
    /\b(first|second|third|fourth|fifth|sixth|seventh|last|final|deciding|clinching|opening) game\b/.exec(normalized) ??
    /\b(opener|clincher|closeout game|series finale)\b/.exec(normalized);
  if (!match) return undefined;
  if (match[1] === 'opener' || match[1] === 'opening') return 1;
  if (['last', 'final', 'deciding', 'clinching', 'clincher', 'closeout game', 'series finale'].includes(match[1]!))
    return SNAPSHOT.finals.clinchingGame.game;
  const n = readNumber(match[1]);
  return n !== undefined && n >= 1 && n <= 7 ? n : undefined;
}

/** "48 wins", "won 50 games", "fewer than 30 wins": a number of wins named without a full record. */
export function findWinCount(
  text: string,
): { wins?: number; losses?: number; atLeast?: boolean; atMost?: boolean; upTo?: number } | undefined {
  if (!HAS_DIGIT.test(text)) return undefined;
  // "won exactly 41 games": the number is what counts.
  const normalized = text.replace(EXACTLY, '');
  // "between 40 and 45 wins": both ends count.
  const between = BETWEEN.exec(normalized);
  if (between) {
    const [low, high] = [Number(between[1]), Number(between[2])].sort((a, b) => a - b) as [number, number];
    return { wins: low, atLeast: true, upTo: high };
  }
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
    /\b(\d{1,2}) (?:wins|win|victories|games won)\b/.exec(normalized) ??
    /\b(?:won|win|wins|winning) (\d{1,2}) (?:games?|times)\b/.exec(normalized);
  if (wins) return { wins: Number(wins[1]) };
  const losses =
    /\b(\d{1,2}) (?:losses|defeats|games lost)\b/.exec(normalized) ??
    /\b(?:lost|lose|loses|losing) (\d{1,2}) (?:games?|times)\b/.exec(normalized);
  if (losses) return { losses: Number(losses[1]) };
  return undefined;
}

const PLAY_IN_GAMES: ReadonlyArray<['7v8' | '9v10' | 'final', RegExp]> = [
  [
    '7v8',
    /\b(?:7|seven|7th|seventh)(?: seed)? ?(?:vs\.?|versus|v|against|-|\/) ?(?:the )?(?:8|eight|8th|eighth)\b(?! seeds)/,
  ],
  [
    '9v10',
    /\b(?:9|nine|9th|ninth)(?: seed)? ?(?:vs\.?|versus|v|against|-|\/) ?(?:the )?(?:10|ten|10th|tenth)\b(?! seeds)/,
  ],
  [
    'final',
    /\b(?:final|last|second|deciding|elimination) play-?in game\b|\bplay-?in final\b|\b(?:game|battle) for the (?:8|eighth|8th|no\.? 8) seed\b/,
  ],
];

/** "the 9 vs 10 game", "the final play-in game": one play-in game. */
export function findPlayInGame(normalized: string): '7v8' | '9v10' | 'final' | undefined {
  for (const [game, pattern] of PLAY_IN_GAMES) if (pattern.test(normalized)) return game;
  return undefined;
}

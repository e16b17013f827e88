/**
 * Step 1 of the offline pipeline: understand the question (this file parses one message; `follow-ups.ts` reads it
 * against the conversation). Turns the latest user message, read against the
 * conversation so far, into a {@link Question}: what kind of fact is asked, about which teams, players, conference,
 * round, game or award. Pronouns ("they", "their", "that team", "he", "the series", "it") and elliptical turns
 * ("And the Celtics?", "What about Denver?") are resolved from the {@link ConversationState}.
 */
import { parseOverviewPrompt } from '../prompts.js';
import { type TopicSlug, topicSlugForName } from '../topics.js';
import { CUE, PLEASANTRY } from './cues.js';
import {
  findAward,
  findConference,
  findCount,
  findGameNumber,
  findPlayers,
  findRecord,
  findRound,
  findSeed,
  findTeams,
  findWinCount,
  readNumber,
} from './entities.js';
import {
  type AwardKey,
  type Conference,
  SNAPSHOT,
  type SnapshotPlayer,
  type SnapshotSeries,
  type SnapshotTeam,
} from './snapshot-2024-25.js';
import { memoize, normalize } from './text.js';

/** What kind of fact a question asks for. */
export type QuestionKind =
  | 'overview' // the generated topic overview prompt
  | 'smalltalk' // "thanks!", "hello"
  | 'leader' // best / worst record, league or conference, top-N / bottom-N
  | 'seed' // who was the N seed
  | 'standings' // a conference's (or the league's) table
  | 'team' // one or more teams' record, wins, losses, win %, seed, or season summary
  | 'statedRecord' // the win % of a record the user states (through the tool)
  | 'sameRecord' // which teams finished with a record or a number of wins
  | 'compare' // two or more teams side by side
  | 'playoffTeams' // who made the playoffs
  | 'playIn' // the play-in tournament
  | 'path' // a team's playoff path: whom it beat, who eliminated it, by round
  | 'round' // the results of a round
  | 'series' // one series: who won, in how many games
  | 'finals' // the NBA Finals
  | 'award' // one season award
  | 'awards' // every award
  | 'player' // a notable player: his team, and what the snapshot knows of it
  | 'unsupported' // outside the snapshot: player statistics, other seasons, news after the snapshot
  | 'help'; // not understood

/** Which part of a fact a question asks for. */
export type QuestionFacet =
  | 'summary'
  | 'record'
  | 'wins'
  | 'losses'
  | 'pct'
  | 'seed'
  | 'beat'
  | 'eliminatedBy'
  | 'madePlayoffs'
  | 'winner'
  | 'loser'
  | 'length'
  | 'score'
  | 'mvp'
  | 'game'
  | 'gamesWon';

/** Why a question is outside the snapshot. */
export type UnsupportedReason =
  | 'playerStats'
  | 'teamStats'
  | 'injuries'
  | 'otherSeason'
  | 'afterSnapshot'
  | 'notInSnapshot';

/** The understood question. */
export interface Question {
  readonly text: string;
  readonly kind: QuestionKind;
  readonly facet: QuestionFacet;
  readonly teams: readonly SnapshotTeam[];
  readonly player?: SnapshotPlayer;
  readonly conference?: Conference;
  readonly round?: SnapshotSeries['round'];
  readonly game?: number;
  readonly award?: AwardKey;
  readonly count?: number;
  readonly seed?: number;
  readonly extreme?: 'best' | 'worst';
  /** "the 2nd best record", "third-worst": the position asked for (1 = the best or the worst). */
  readonly position?: number;
  readonly record?: { readonly wins: number; readonly losses: number };
  readonly winCount?: {
    readonly wins?: number;
    readonly losses?: number;
    readonly atLeast?: boolean;
    readonly atMost?: boolean;
  };
  readonly unsupported?: UnsupportedReason;
  readonly topic?: TopicSlug;
  /** "Which team finished at .500?": a winning percentage named in the question. */
  readonly pctStated?: string;
  /** The question said "last season": answered for the snapshot's season, with a note saying so. */
  readonly relativeSeason?: boolean;
  /** "Which series went seven games?": series of this many games. */
  readonly seriesLength?: number;
  /** A series named earlier in the conversation ("the series", "it"). */
  readonly series?: SnapshotSeries;
  /** The teams came from the conversation, not from this message. */
  readonly teamsFromContext: boolean;
}

/** What earlier turns leave behind for the next one. */
export interface ConversationState {
  readonly question?: Question;
  /** The teams the last answer was about ("they"). */
  readonly focus: readonly SnapshotTeam[];
  readonly player?: SnapshotPlayer;
  /** The series the last answer was about ("the series", "it"). */
  readonly series?: SnapshotSeries;
  /** Teams of the recent answers, most recent first ("Compare them"). */
  readonly recent?: readonly SnapshotTeam[];
  /** A record the user stated for the focus team ("The Raptors went 46-36"). */
  readonly statedRecord?: { readonly wins: number; readonly losses: number };
}

export const EMPTY_STATE: ConversationState = Object.freeze({ focus: Object.freeze([]) });

function championTeam(): SnapshotTeam {
  return SNAPSHOT.teams.find((t) => t.abbreviation === SNAPSHOT.finals.champion)!;
}

function bracketTeam(conference: Conference, seed: number): SnapshotTeam | undefined {
  return SNAPSHOT.teams.find((t) => t.conference === conference && t.playoffSeed === seed);
}

/** Parses one message on its own, before the conversation is consulted (remembered: see `memoize`). */
export const parse = memoize(parseMessage);

function parseMessage(text: string): Question {
  const n = normalize(text);
  const teams = findTeams(text).map((m) => m.team);
  const player = findPlayers(n)[0]?.player;
  const conference = findConference(n);
  const round = findRound(n);
  const game = findGameNumber(n);
  const award = findAward(n);
  const count = findCount(n);
  const seed = findSeed(n);
  const record = findRecord(n);
  const winCount = record ? undefined : findWinCount(n);
  const base = {
    text,
    teams,
    teamsFromContext: false,
    ...(player ? { player } : {}),
    ...(conference ? { conference } : {}),
    ...(round ? { round } : {}),
    ...(game ? { game } : {}),
    ...(award ? { award } : {}),
    ...(count ? { count } : {}),
    ...(seed ? { seed } : {}),
    ...(record ? { record } : {}),
    ...(winCount ? { winCount } : {}),
  };
  const q = (kind: QuestionKind, facet: QuestionFacet = 'summary', extra: Partial<Question> = {}): Question =>
    ({ ...base, kind, facet, ...extra }) as Question;

  const overview = parseOverviewPrompt(text);
  const topic = overview ? topicSlugForName(overview.topicName) : undefined;
  if (topic) return q('overview', 'summary', { topic });
  if (PLEASANTRY.test(n)) return q('smalltalk');

  const about = (re: RegExp) => re.test(n);
  // Outside the snapshot first: another season, news after it, per-player statistics.
  // "last season" may well mean the snapshot's season: answer for 2024-25 and say so (see `relativeSeason`).
  const relative = /\b(?:last|previous|prior) (?:season|year)\b/;
  const otherSeason =
    about(CUE.otherSeason) &&
    !/\b(?:2024|2025|24-25|2024-25|this season|this year)\b/.test(n.replace(/\b2025 draft\b/, ''));
  if (
    otherSeason &&
    !CUE.otherSeason.test(n.replace(relative, ' ')) &&
    !/\b(?:than|compared (?:to|with)|versus|vs) (?:the )?(?:last|previous|prior) (?:season|year)\b/.test(n)
  ) {
    const rest = parseMessage(text.replace(/\b(?:last|previous|prior) (?:season|year)\b/gi, 'this season'));
    return rest.kind === 'help' || rest.kind === 'unsupported'
      ? q('unsupported', 'summary', { unsupported: 'otherSeason' })
      : { ...rest, text, relativeSeason: true };
  }
  if (otherSeason) return q('unsupported', 'summary', { unsupported: 'otherSeason' });
  if (/\b(?:hurt|injur\w*|health|healthy|out for the|missed games|sidelined)\b/.test(n))
    return q('unsupported', 'summary', { unsupported: 'injuries' });
  if (about(CUE.afterSnapshot) && !about(CUE.playoffs) && !about(CUE.finals))
    return q('unsupported', 'summary', { unsupported: 'afterSnapshot' });
  if (
    /\b(?:point differential|net rating|offensive rating|defensive rating|pace|points per game|ppg|margin of victory|three-point percentage|field goal percentage|turnovers|home record|road record|away record|home court record|record at home|record on the road|streak)\b/.test(
      n,
    ) &&
    !player &&
    !game
  ) {
    return q('unsupported', 'summary', { unsupported: 'teamStats' });
  }
  const statsAsked =
    about(CUE.playerStats) && !game && !about(CUE.finals) && !about(/\b(?:percent|percentage|pct)\b/) && !record;
  if (
    statsAsked &&
    (player ||
      /\b(?:player|who scored|leading scorer|scoring title|top scorer|most points|most rebounds|most assists|his|he)\b/.test(
        n,
      ) ||
      (!teams.length && about(CUE.statLeader)))
  ) {
    return q('unsupported', 'summary', { unsupported: 'playerStats' });
  }
  if (award && !/\bconference\b/.test(n.replace(/\bconference finals? mvp\b/, ''))) {
    if (award === 'finalsMvp') return q('finals', 'mvp');
    return q('award', 'summary', { award });
  }
  if (about(CUE.allAwards) && !teams.length) return q('awards');
  // "Who coached the Cavs?": the snapshot knows one head coach, the Coach of the Year.
  if (about(CUE.coach) && teams.length === 1 && teams[0]!.abbreviation === SNAPSHOT.awards.coachOfTheYear.team)
    return q('award', 'summary', { award: 'coachOfTheYear' });
  if (about(CUE.notInSnapshot) && !about(/\bcoach of the year\b/))
    return q('unsupported', 'summary', { unsupported: 'notInSnapshot' });

  const pctStated = /(?:^|[\s(])(\.\d{3}|1\.000)(?!\d)/.exec(text)?.[1];
  if (pctStated && !record && (about(CUE.who) || /\bany ?(?:team|one)\b/.test(n)))
    return q('sameRecord', 'pct', { pctStated });
  if (record && /\b(?:or better|or more|or above|or higher|at least)\b/.test(n) && !about(CUE.pct)) {
    return q('sameRecord', 'wins', { winCount: { wins: record.wins, atLeast: true } });
  }
  if (record && /\b(?:or worse|or fewer|or below|or lower|at most)\b/.test(n) && !about(CUE.pct)) {
    return q('sameRecord', 'wins', { winCount: { wins: record.wins, atMost: true } });
  }
  if (record) {
    if (
      (about(CUE.who) || /\b(?:any ?(?:team|one|body)|did a team|teams? (?:that )?(?:went|finished))\b/.test(n)) &&
      !about(CUE.pct)
    )
      return q('sameRecord', 'record');
    return q('statedRecord', 'pct');
  }
  const losing = /\b(?:losing record|below \.?500|under \.?500|sub-\.?500|worse than \.?500)\b/.test(n);
  const winning = /\b(?:winning record|above \.?500|over \.?500|better than \.?500)\b/.test(n);
  if ((losing || winning) && !teams.length) {
    const filter = losing ? { wins: 40, atMost: true } : { wins: 42, atLeast: true };
    return about(CUE.playoffs)
      ? q('playoffTeams', 'summary', { winCount: filter })
      : q('sameRecord', 'wins', { winCount: filter });
  }
  if (winCount && (about(CUE.who) || /\bhow many teams\b/.test(n))) return q('sameRecord', 'wins');
  // "the record of the team that won it all": the champion.
  if (
    !teams.length &&
    about(CUE.champion) &&
    (about(CUE.record) || about(CUE.seedWord) || about(CUE.pct) || about(CUE.wins)) &&
    /\b(?:team|club|champions?)\b/.test(n)
  ) {
    return q('team', teamFacet(n), { teams: [championTeam()] });
  }
  // "Who eliminated the top seed in the East?": the team holding that seed.
  const seeded = !teams.length && conference ? (/\btop seed\b/.test(n) ? 1 : seed) : undefined;
  const seedTeam =
    seeded && (about(CUE.eliminated) || about(CUE.beat) || about(CUE.path))
      ? bracketTeam(conference!, seeded)
      : undefined;
  if (seedTeam) {
    const team = seedTeam;
    // Read the question again with the seed replaced by the team's name.
    const named = text.replace(
      /\b(?:the )?(?:top|no\.? ?\d{1,2}|number \w+|\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth)[- ]seed\b/i,
      `the ${team.city} ${team.nickname}`,
    );
    if (named !== text) return { ...parseMessage(named), text };
  }
  if (player && !teams.length) return q('player');
  if (
    player &&
    teams.length === 1 &&
    /\b(?:on the|plays? for|played for|playing for|traded|with the|join(?:ed)?|his team|a member of)\b/.test(n)
  )
    return q('player');

  const finals = about(CUE.finals) || round === 'NBA Finals';
  // "the defending champion Celtics" is not a question about the title: with a team, the title needs a verb.
  const champion =
    about(CUE.champion) &&
    (!teams.length ||
      /\b(?:win|won|wins|make|made|reach|reached|get to|got to|in the|take|took|lift|lifted) (?:the |it )?(?:all|title|championship|ring|trophy|larry)/.test(
        n,
      ));
  const facetOfFinals = (): QuestionFacet =>
    game
      ? 'game'
      : about(CUE.length)
        ? 'length'
        : about(CUE.score)
          ? 'score'
          : about(CUE.loser)
            ? 'loser'
            : about(/\bmvp\b/)
              ? 'mvp'
              : 'winner';
  if (finals || champion || (game && !round)) {
    const aboutGame = game || about(CUE.score) || about(CUE.length) || about(/\bmvp\b/);
    // "Which Finals games did Indiana win?": that team's wins (or losses) game by game.
    if (teams.length === 1 && /\bgames\b/.test(n) && /\b(?:win|won|wins|lose|lost|losses)\b/.test(n))
      return q('finals', 'gamesWon');
    if (teams.length === 1 && !aboutGame) return q('path', 'summary', { round: 'NBA Finals' });
    return q('finals', facetOfFinals());
  }
  if (
    !round &&
    !teams.length &&
    !about(CUE.playIn) &&
    about(
      /\b(?:won|win|wins|champions? of|representative from) the (?:east|west|eastern|western)(?: conference)?\b|\b(?:east|west|eastern|western|conference) champions?\b/,
    )
  ) {
    return q('round', 'summary', { round: 'Conference Finals' });
  }
  if (round) {
    if (teams.length >= 2) return q('series', about(CUE.length) ? 'length' : 'winner');
    if (teams.length === 1) return q('path', about(CUE.eliminated) ? 'eliminatedBy' : 'beat');
    return q('round', 'summary');
  }
  if (about(CUE.playIn)) return q('playIn', 'summary');
  const lengthAsked =
    /\b(?:which|what|any|how many|list(?: the)?) series\b|\bsweeps?\b|\bswept\b|\bseven-game|\bgame 7s\b/.test(n);
  if (!teams.length && lengthAsked) {
    const games = /\b(?:sweeps?|swept|four games|4 games)\b/.test(n)
      ? 4
      : /\bfive games|5 games|in five\b/.test(n)
        ? 5
        : /\bsix games|6 games|in six\b/.test(n)
          ? 6
          : 7;
    return q('round', 'summary', { seriesLength: games });
  }
  if (!teams.length && about(CUE.missedPlayoffs) && about(CUE.playoffs)) {
    return q('playoffTeams', 'loser');
  }
  if (teams.length >= 2 && (about(CUE.series) || about(/\b(?:playoffs?|matchup|meet|met|face)\b/)))
    return q('series', about(CUE.length) ? 'length' : 'winner');
  if (teams.length === 1 && about(CUE.eliminated)) return q('path', 'eliminatedBy');
  if (teams.length === 1 && about(CUE.beat)) return q('path', 'beat');
  if (teams.length === 1 && about(CUE.path)) return q('path', 'summary');
  if (about(CUE.playoffs)) {
    if (!teams.length) return q('playoffTeams');
    return q(
      'path',
      /\b(?:make|made|makes|qualif\w*|get in|got in|reach(?:ed)?|clinch\w*|miss(?:ed)?|in the playoffs\?*$)\b/.test(n)
        ? 'madePlayoffs'
        : 'summary',
    );
  }
  if (teams.length >= 2) return q('compare', about(CUE.pct) ? 'pct' : about(CUE.wins) ? 'wins' : 'record');

  const worst = about(CUE.worst);
  const best = !worst && about(CUE.best);
  if (!teams.length && (worst || best)) {
    const nth =
      /\b(\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]?(?:best|worst|highest|lowest)\b/.exec(
        n,
      );
    const position = nth ? readNumber(nth[1]) : undefined;
    // "the top four seeds": the conference order (tie-breaks applied), not the records with their ties.
    const bySeed = Boolean(conference) && /\b(?:seeds?|seeded|seeding)\b/.test(n);
    return q('leader', bySeed ? 'seed' : 'record', {
      extreme: worst ? 'worst' : 'best',
      ...(position && position > 1 ? { position } : {}),
    });
  }
  if (!teams.length && seed) return q('seed', 'seed');
  if (teams.length === 1) return q('team', teamFacet(n));
  if (about(CUE.standings) || conference) return q('standings');
  if (about(CUE.pct)) return q('team', 'pct');
  if (about(CUE.wins)) return q('team', 'wins');
  if (about(CUE.losses)) return q('team', 'losses');
  if (about(CUE.record)) return q('team', 'record');
  if (about(CUE.seedWord)) return q('team', 'seed');
  if (about(CUE.length) || about(CUE.series)) return q('series', about(CUE.length) ? 'length' : 'winner');
  if (about(CUE.eliminated)) return q('path', 'eliminatedBy');
  if (about(CUE.beat)) return q('path', 'beat');
  return q('help');
}

export function teamFacet(n: string): QuestionFacet {
  if (CUE.pct.test(n)) return 'pct';
  if (CUE.losses.test(n)) return 'losses';
  if (CUE.wins.test(n)) return 'wins';
  if (CUE.seedWord.test(n) || CUE.standings.test(n)) return 'seed';
  if (CUE.record.test(n)) return 'record';
  return 'summary';
}

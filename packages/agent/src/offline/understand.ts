/**
 * Step 1 of the offline pipeline: understand the question. This file reads one message on its own into a
 * {@link Question} (what kind of fact is asked, about which teams, players, conference, round, game or award);
 * `follow-ups.ts` then reads it against the conversation ("they", "And the Celtics?"). Questions outside the
 * snapshot are recognised in `understand-outside.ts`, postseason questions in `understand-playoffs.ts`.
 */
import { parseOverviewPrompt } from '../prompts.js';
import { topicSlugForName } from '../topics.js';
import { CUE, PLEASANTRY } from './cues.js';
import {
  findAward,
  findConference,
  findCount,
  findGameNumber,
  findPlayers,
  findPlayInGame,
  findRecord,
  findRound,
  findSeed,
  findTeams,
  findWinCount,
  numbersAsDigits,
  readNumber,
} from './entities.js';
import type { Question, QuestionFacet, QuestionKind } from './question.js';
import { type Conference, SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import { correctSpelling } from './spelling.js';
import { memoize, normalize } from './text.js';
import { notInSnapshot, otherSeason, outsideSnapshot } from './understand-outside.js';
import { playoffQuestion } from './understand-playoffs.js';
import { championTeam, describedTeam, ROSTER, rosterQuestion } from './understand-teams.js';

// The public names of the understand step (see the package index).
export { type ConversationState, EMPTY_STATE, type Question, type QuestionKind } from './question.js';

/** A message and what it names, with a helper building a {@link Question} of it: shared by the understand files. */
export interface MessageParts extends Omit<Question, 'kind' | 'facet'> {
  /** The normalised text. */
  readonly n: string;
  readonly about: (cue: RegExp) => boolean;
  readonly q: (kind: QuestionKind, facet?: QuestionFacet, extra?: Partial<Question>) => Question;
}

// "best record besides the Thunder": teams named only to be left out.
const EXCLUDED_BEFORE =
  /\b(?:besides|other than|except(?: for)?|apart from|aside from|excluding|not counting) (?:the )?$/;
const PCT_STATED = /(?:^|[\s(])(\.\d{3}|1\.000)(?!\d)/;
const LOSING = /\b(?:losing record|below \.?500|under \.?500|sub-\.?500|worse than \.?500)\b/;
const WINNING = /\b(?:winning record|above \.?500|over \.?500|better than \.?500)\b/;
const AT_LEAST = /\b(?:or better|or more|or above|or higher|at least)\b/;
const AT_MOST = /\b(?:or worse|or fewer|or below|or lower|at most)\b/;
const ANY_TEAM = /\bany ?(?:team|one)\b/;
const SAME_RECORD_ASKED = /\b(?:any ?(?:team|one|body)|did a team|teams? (?:that )?(?:went|finished))\b/;
const SAME_AS = /\b(?:same|identical|equal) (?:record|win-loss record|mark) as\b|\btied? with\b|\bas many wins as\b/;
const YES_NO = /^(?:did|does|do|was|were|is|how)\b/;
const SEASON_GAMES = 82;
const BOTH_EXTREMES =
  /\b(?:best|most wins|highest)\b.*\band\b.*\b(?:worst|fewest wins|lowest)\b|\b(?:worst|fewest wins|lowest)\b.*\band\b.*\b(?:best|most wins|highest)\b/;
const CHAMPION_TEAM = /\b(?:team|club|champions?)\b/;
const SEED_NAMED =
  /\b(?:the )?(?:top|no\.? ?\d{1,2}|number \w+|\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth)[- ]seed\b/i;
const PLAYER_TEAM = /\b(?:on the|plays? for|played for|playing for|traded|with the|join(?:ed)?|his team|a member of)\b/;
const NTH =
  /\b(\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]?(?:best|worst|highest|lowest|most|fewest)\b/;
const SEEDS = /\b(?:seeds?|seeded|seeding)\b/;

const BEHIND = /\b(?:behind|below|after|under|beneath|trailing)\b/;
const AHEAD = /\b(?:ahead of|above|before|in front of)\b/;

function neighbourOf(team: SnapshotTeam, step: number): SnapshotTeam | undefined {
  return SNAPSHOT.teams.find((t) => t.conference === team.conference && t.seed === team.seed + step);
}

function bracketTeam(conference: Conference, seed: number): SnapshotTeam | undefined {
  return SNAPSHOT.teams.find((t) => t.conference === conference && t.playoffSeed === seed);
}

/** Parses one message on its own, before the conversation is consulted (remembered: see `memoize`). */
export const parse = memoize(parseMessage);

function readParts(text: string, n: string): MessageParts {
  const mentions = findTeams(text, n);
  const excluded = mentions.filter((m) => EXCLUDED_BEFORE.test(n.slice(0, m.index))).map((m) => m.team);
  const teams = excluded.length
    ? mentions.map((m) => m.team).filter((t) => !excluded.includes(t))
    : mentions.map((m) => m.team);
  const player = findPlayers(n)[0]?.player;
  const conference = findConference(n);
  const round = findRound(n);
  const game = findGameNumber(n);
  const award = findAward(n);
  const count = findCount(n);
  const playInGame = findPlayInGame(n);
  const seed = findSeed(n);
  const record = findRecord(n);
  const winCount = record ? undefined : findWinCount(n);
  // Built field by field: only what the message names (a parse runs for every new message).
  const base: { -readonly [K in keyof Question]?: Question[K] } = { text, teams, teamsFromContext: false };
  if (excluded.length) base.exclude = excluded;
  if (player) base.player = player;
  if (conference) base.conference = conference;
  if (round) base.round = round;
  if (game) base.game = game;
  if (award) base.award = award;
  if (count) base.count = count;
  if (playInGame) base.playInGame = playInGame;
  if (seed) base.seed = seed;
  if (record) base.record = record;
  if (winCount) base.winCount = winCount;
  return {
    ...(base as Omit<Question, 'kind' | 'facet'>),
    n,
    about: (cue) => cue.test(n),
    q: (kind, facet = 'summary', extra = {}) => ({ ...base, kind, facet, ...extra }) as Question,
  };
}

function parseMessage(text: string): Question {
  const n = numbersAsDigits(normalize(text));
  const question = parseNormalized(text, n);
  // Not understood, or only as "a team's season" (the fallback when no cue matched): read again with small
  // spelling slips put right ("chamionship", "standins", "elimnated").
  if (question.kind !== 'help' && !(question.kind === 'team' && question.facet === 'summary')) return question;
  const corrected = correctSpelling(n);
  return corrected === n ? question : parseNormalized(text, corrected);
}

function parseNormalized(text: string, normalized: string): Question {
  const p = readParts(text, normalized);
  const { n, q, about } = p;
  const overview = parseOverviewPrompt(text);
  const topic = overview ? topicSlugForName(overview.topicName) : undefined;
  if (topic) return q('overview', 'summary', { topic });
  if (PLEASANTRY.test(n)) return q('smalltalk');

  // Outside the snapshot first. "last season" may mean the snapshot's season: answered for 2024-25, saying so.
  const season = otherSeason(p);
  if (season === 'relative') {
    const rest = parseMessage(text.replace(/\b(?:last|previous|prior) (?:season|year)\b/gi, 'this season'));
    return rest.kind === 'help' || rest.kind === 'unsupported'
      ? q('unsupported', 'summary', { unsupported: 'otherSeason' })
      : { ...rest, text, relativeSeason: true };
  }
  if (season === 'other') return q('unsupported', 'summary', { unsupported: 'otherSeason' });
  const outside = outsideSnapshot(p);
  if (outside) return q('unsupported', 'summary', { unsupported: outside });
  return (
    awardQuestion(p) ??
    recordQuestion(p) ??
    seedRewritten(p) ??
    (p.player && (!p.teams.length || (p.teams.length === 1 && about(PLAYER_TEAM))) ? q('player') : undefined) ??
    (about(ROSTER) ? rosterQuestion(p) : undefined) ??
    playoffQuestion(p) ??
    seasonQuestion(p)
  );
}

function awardQuestion(p: MessageParts): Question | undefined {
  const { n, award, teams, about, q } = p;
  if (award && !/\bconference\b/.test(n.replace(/\bconference finals? mvp\b/, ''))) {
    if (award === 'finalsMvp') return q('finals', 'mvp');
    return q('award', 'summary', { award });
  }
  if (about(CUE.allAwards) && !teams.length) return q('awards');
  // "Who coached the Cavs?": the snapshot knows one head coach, the Coach of the Year.
  if (about(CUE.coach) && teams.length === 1 && teams[0]!.abbreviation === SNAPSHOT.awards.coachOfTheYear.team)
    return q('award', 'summary', { award: 'coachOfTheYear' });
  if (notInSnapshot(p)) return q('unsupported', 'summary', { unsupported: 'notInSnapshot' });
  return undefined;
}

/** Stated records, ties, win counts, winning and losing records. */
function recordQuestion(p: MessageParts): Question | undefined {
  const { text, record, winCount, teams, about, q } = p;
  const losing = about(LOSING);
  if ((losing || about(WINNING)) && !teams.length) {
    const filter = losing ? { wins: 40, atMost: true } : { wins: 42, atLeast: true };
    return about(CUE.playoffs)
      ? q('playoffTeams', 'summary', { winCount: filter })
      : q('sameRecord', 'wins', { winCount: filter });
  }
  const pctStated = PCT_STATED.exec(text)?.[1];
  if (pctStated && !record && (about(CUE.who) || about(ANY_TEAM))) return q('sameRecord', 'pct', { pctStated });
  if (record && about(AT_LEAST) && !about(CUE.pct))
    return q('sameRecord', 'wins', { winCount: { wins: record.wins, atLeast: true } });
  if (record && about(AT_MOST) && !about(CUE.pct))
    return q('sameRecord', 'wins', { winCount: { wins: record.wins, atMost: true } });
  if (record) {
    if ((about(CUE.who) || about(SAME_RECORD_ASKED)) && !about(CUE.pct)) return q('sameRecord', 'record');
    return q('statedRecord', 'pct');
  }
  if (winCount && about(CUE.who)) return q('sameRecord', 'wins');
  // "the winning percentage if you win 70 games": over a full 82-game season.
  if (winCount && !winCount.atLeast && !winCount.atMost && !teams.length && about(CUE.pct)) {
    const wins = winCount.wins ?? SEASON_GAMES - (winCount.losses ?? 0);
    return q('statedRecord', 'pct', { record: { wins, losses: SEASON_GAMES - wins } });
  }
  // "Who had the same record as the Bucks?": that team's record, as a tie question.
  if (teams.length === 1 && about(SAME_AS)) {
    const { wins, losses } = teams[0]!;
    return q('sameRecord', 'record', { record: { wins, losses } });
  }
  // "the record of the team that won it all", "How many wins did the East champion have?": that team.
  if (
    !teams.length &&
    about(CUE.champion) &&
    (about(CUE.record) || about(CUE.seedWord) || about(CUE.pct) || about(CUE.wins)) &&
    about(CHAMPION_TEAM)
  )
    return q('team', teamFacet(p.n), { teams: [describedTeam(p) ?? championTeam()] });
  return undefined;
}

/** "Who eliminated the top seed in the East?": read again with the team holding that seed named. */
function seedRewritten(p: MessageParts): Question | undefined {
  const { text, teams, conference, seed, about } = p;
  const seeded = !teams.length && conference ? (about(/\btop seed\b/) ? 1 : seed) : undefined;
  // The seed is the subject of the question ("Did the top seed make the Finals?"), not what is asked for.
  const aboutTheSeed = about(CUE.eliminated) || about(CUE.beat) || about(CUE.path) || about(YES_NO);
  if (!seeded || !aboutTheSeed) return undefined;
  const team = bracketTeam(conference!, seeded);
  const named = team ? text.replace(SEED_NAMED, `the ${team.city} ${team.nickname}`) : text;
  return named !== text ? { ...parseMessage(named), text } : undefined;
}

/** The regular season: comparisons, leaders, seeds, a team, the standings; then the weaker cues. */
function seasonQuestion(p: MessageParts): Question {
  const { n, teams, conference, seed, about, q } = p;
  if (teams.length >= 2) return q('compare', about(CUE.pct) ? 'pct' : about(CUE.wins) ? 'wins' : 'record');
  const worst = about(CUE.worst);
  if (!teams.length && (worst || about(CUE.best))) {
    const position = readNumber(NTH.exec(n)?.[1]);
    // "the top four seeds": the conference order (tie-breaks applied), not the records with their ties.
    return q('leader', conference && about(SEEDS) ? 'seed' : 'record', {
      extreme: worst ? 'worst' : 'best',
      ...(about(BOTH_EXTREMES) && !p.count ? { bothExtremes: true } : {}),
      ...(position && position > 1 ? { position } : {}),
    });
  }
  if (!teams.length && seed) return q('seed', 'seed');
  if (teams.length === 1) {
    const team = teams[0]!;
    // "Did the Cavs have the best record in the league?": the leader, and whether it was that team.
    if (about(YES_NO) && (worst || about(CUE.best)))
      return q('leader', 'record', { teams: [], claim: team, extreme: worst ? 'worst' : 'best' });
    // "Which team finished right behind the Cavs?": the neighbour in the conference standings.
    const step = about(BEHIND) ? 1 : about(AHEAD) ? -1 : 0;
    const neighbour = step ? neighbourOf(team, step) : undefined;
    if (neighbour && about(CUE.who)) return q('team', 'seed', { teams: [neighbour] });
    return q('team', teamFacet(n));
  }
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

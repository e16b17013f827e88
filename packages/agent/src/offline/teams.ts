/**
 * Team lookups over the bundled snapshot: name matching in free text and standings arithmetic.
 */
import { calculateWinPercentage } from '../tools.js';
import { SNAPSHOT, type Conference, type SnapshotTeam } from './snapshot-2024-25.js';

/** A team found in a text, with the offset of its first mention. */
export interface TeamMention {
  readonly team: SnapshotTeam;
  readonly index: number;
}

interface TeamPattern {
  readonly team: SnapshotTeam;
  readonly pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWord(term: string, flags: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])`, flags);
}

// City names shared by two teams are not used on their own.
const AMBIGUOUS_CITIES = new Set(['Los Angeles', 'LA']);

const TEAM_PATTERNS: readonly TeamPattern[] = SNAPSHOT.teams.flatMap((team) => {
  const names = new Set<string>([`${team.city} ${team.nickname}`, team.nickname, ...team.aliases]);
  if (!AMBIGUOUS_CITIES.has(team.city)) names.add(team.city);
  const patterns: TeamPattern[] = [...names].map((name) => ({ team, pattern: wholeWord(name, 'gi') }));
  // Abbreviations only in capitals ("MIN" yes, "min" no).
  patterns.push({ team, pattern: wholeWord(team.abbreviation, 'g') });
  return patterns;
});

/** Every snapshot team named in `text` (city, nickname, full name, common short name or abbreviation), in order of first mention. */
export function findTeamMentions(text: string): TeamMention[] {
  const first = new Map<SnapshotTeam, number>();
  for (const { team, pattern } of TEAM_PATTERNS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match && (first.get(team) ?? Number.POSITIVE_INFINITY) > match.index) first.set(team, match.index);
  }
  return [...first].map(([team, index]) => ({ team, index })).sort((a, b) => a.index - b.index);
}

/** The team with this abbreviation (e.g. "TOR"). Throws for an unknown abbreviation (a snapshot bug). */
export function teamByAbbreviation(abbreviation: string): SnapshotTeam {
  const team = SNAPSHOT.teams.find((t) => t.abbreviation === abbreviation);
  if (!team) throw new Error(`Unknown team abbreviation ${abbreviation}`);
  return team;
}

/** The teams of a conference in standings order. */
export function conferenceStandings(conference: Conference): SnapshotTeam[] {
  return SNAPSHOT.teams.filter((t) => t.conference === conference).sort((a, b) => a.seed - b.seed);
}

/** Full conference name, e.g. "Eastern Conference". */
export function conferenceName(conference: Conference): string {
  return conference === 'East' ? 'Eastern Conference' : 'Western Conference';
}

/** "the Toronto Raptors" style display name. */
export function fullName(team: SnapshotTeam): string {
  return `${team.city} ${team.nickname}`;
}

/** "46-36" style record. */
export function recordText(wins: number, losses: number): string {
  return `${wins}-${losses}`;
}

/** Winning percentage as a number (for sorting); 0 for 0-0. */
export function winRatio(wins: number, losses: number): number {
  return wins + losses === 0 ? 0 : wins / (wins + losses);
}

/** A team's record with its winning percentage, e.g. "64-18 (.780)". */
export function recordWithPercentage(team: SnapshotTeam): string {
  return `${recordText(team.wins, team.losses)} (${calculateWinPercentage(team.wins, team.losses)})`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** Where a record would rank among `teams` (excluding `self`): rank, and the teams just above and below. */
export function rankRecord(
  wins: number,
  losses: number,
  teams: readonly SnapshotTeam[],
  self?: SnapshotTeam,
): { rank: number; of: number; above?: SnapshotTeam; below?: SnapshotTeam } {
  const ratio = winRatio(wins, losses);
  const others = teams
    .filter((t) => t !== self)
    .sort((a, b) => winRatio(b.wins, b.losses) - winRatio(a.wins, a.losses) || a.seed - b.seed);
  const better = others.filter((t) => winRatio(t.wins, t.losses) > ratio);
  const rest = others.filter((t) => winRatio(t.wins, t.losses) <= ratio);
  const result: { rank: number; of: number; above?: SnapshotTeam; below?: SnapshotTeam } = {
    rank: better.length + 1,
    of: others.length + 1,
  };
  const above = better.at(-1);
  const below = rest[0];
  if (above) result.above = above;
  if (below) result.below = below;
  return result;
}

/** The series a team lost (its elimination), or undefined for the champion / non-playoff teams. */
export function eliminationSeries(team: SnapshotTeam) {
  return SNAPSHOT.playoffs.find((s) => s.loser === team.abbreviation);
}

/** One sentence on how a team's season ended. */
export function seasonOutcome(team: SnapshotTeam): string {
  const name = `The ${team.nickname}`;
  if (SNAPSHOT.finals.champion === team.abbreviation) {
    return `${name} went on to win the ${SNAPSHOT.season} NBA championship, beating the ${teamByAbbreviation(SNAPSHOT.finals.runnerUp).nickname} ${SNAPSHOT.finals.result} in the Finals.`;
  }
  const lost = eliminationSeries(team);
  if (lost) {
    const winner = teamByAbbreviation(lost.winner);
    const via = team.seed > 6 ? `reached the playoffs through the play-in as the ${ordinal(team.playoffSeed ?? team.seed)} seed and ` : `made the playoffs as the ${ordinal(team.playoffSeed ?? team.seed)} seed and `;
    const round = lost.round === 'NBA Finals' ? 'the NBA Finals' : `the ${lost.round}`;
    return `${name} ${via}lost ${lost.result} to the ${winner.nickname} in ${round}.`;
  }
  if (team.seed >= 7 && team.seed <= 10) return `${name} lost in the play-in tournament and missed the playoffs.`;
  return `${name} missed the playoffs.`;
}

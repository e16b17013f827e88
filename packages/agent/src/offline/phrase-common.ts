/**
 * Shared wording for the phrase step: names, records, rounds, how a season ended, the snapshot note and the help text.
 */
import { calculateWinPercentage } from '../tools.js';
import type { Question } from './question.js';
import { type Conference, SNAPSHOT, type SnapshotSeries, type SnapshotTeam } from './snapshot-2024-25.js';
import { teamByAbbreviation } from './snapshot-index.js';

/** The one-sentence provenance note that ends every offline answer. */
export const OFFLINE_SOURCE_NOTE = `This answer comes from the offline snapshot of the ${SNAPSHOT.season} NBA season (as of ${SNAPSHOT.asOf}).`;

export const SEASON = SNAPSHOT.season;

export function paragraphs(...parts: Array<string | undefined | false>): string {
  return [...parts.filter((p): p is string => typeof p === 'string' && p.length > 0), OFFLINE_SOURCE_NOTE].join('\n\n');
}

export function fullName(team: SnapshotTeam): string {
  return `${team.city} ${team.nickname}`;
}

export function record(team: SnapshotTeam): string {
  return `${team.wins}-${team.losses}`;
}

/** "64-18 (.780)": percentages in lists are plain arithmetic; a percentage the user asks for comes from the tool. */
export function recordPct(team: SnapshotTeam): string {
  return `${record(team)} (${calculateWinPercentage(team.wins, team.losses)})`;
}

export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function conferenceName(conference: Conference): string {
  return conference === 'East' ? 'Eastern Conference' : 'Western Conference';
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function roundName(round: SnapshotSeries['round'], conference: Conference | null): string {
  if (round === 'NBA Finals') return 'the NBA Finals';
  const where = conference ? `${conference === 'East' ? 'Eastern' : 'Western'} Conference ` : '';
  return round === 'First Round'
    ? `the ${conference ? `${conference === 'East' ? 'East' : 'West'} ` : ''}first round`
    : `the ${where}${round === 'Conference Finals' ? 'Finals' : 'Semifinals'}`;
}

export function seriesSentence(s: SnapshotSeries): string {
  const winner = teamByAbbreviation(s.winner);
  const loser = teamByAbbreviation(s.loser);
  return `the ${winner.nickname} beat the ${loser.nickname} ${s.result}${s.result === '4-0' ? ' (a sweep)' : s.result === '4-3' ? ' in seven games' : ''} in ${roundName(s.round, s.conference)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a team's season ended, in one sentence. */
export function seasonOutcome(team: SnapshotTeam): string {
  const name = `The ${team.nickname}`;
  if (SNAPSHOT.finals.champion === team.abbreviation) {
    return `${name} won the ${SEASON} NBA championship, beating the ${teamByAbbreviation(SNAPSHOT.finals.runnerUp).nickname} ${SNAPSHOT.finals.result} in the Finals.`;
  }
  const lost = SNAPSHOT.playoffs.find((s) => s.loser === team.abbreviation);
  if (lost) {
    const via =
      team.seed > 6
        ? `reached the playoffs through the play-in as the No. ${team.playoffSeed} seed`
        : `made the playoffs as the No. ${team.playoffSeed} seed`;
    return `${name} ${via} and were eliminated ${lost.result} by the ${teamByAbbreviation(lost.winner).nickname} in ${roundName(lost.round, lost.conference)}.`;
  }
  if (team.seed >= 7 && team.seed <= 10) return `${name} lost in the play-in tournament and missed the playoffs.`;
  return `${name} missed the playoffs (${ordinal(team.seed)} in the ${conferenceName(team.conference)}, outside the play-in places).`;
}

export function playIn(team: SnapshotTeam): string | undefined {
  const games = SNAPSHOT.playIn.filter((g) => g.winner === team.abbreviation || g.loser === team.abbreviation);
  if (!games.length) return undefined;
  const described = games.map((g) => {
    const other = teamByAbbreviation(g.winner === team.abbreviation ? g.loser : g.winner);
    const won = g.winner === team.abbreviation;
    const stake =
      g.game === '7v8' ? 'the 7-versus-8 game' : g.game === '9v10' ? 'the 9-versus-10 game' : 'the final play-in game';
    return `${won ? 'beat' : 'lost to'} the ${other.nickname} in ${stake}`;
  });
  return `In the play-in, the ${team.nickname} ${list(described)}.`;
}

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed;
}

export function helpAnswer(q: Question, lead?: string): string {
  return paragraphs(
    lead ?? `I am not sure what "${quote(q.text)}" asks about in the ${SEASON} NBA season.`,
    `I can answer about team records, wins, losses, winning percentages and seeds; the best and worst records; comparisons between teams; who made the playoffs and the play-in; each team's playoff path and every series; the Finals; the season awards; and which team a notable player ended the season with.`,
  );
}

/**
 * Phrasing comparisons: two or more teams side by side (records, seeds, how each season ended, whether they met),
 * and which of them went further in the playoffs.
 */
import type { Facts } from './lookup.js';
import {
  fullName,
  list,
  ordinal,
  paragraphs,
  record,
  recordPct,
  roundName,
  SEASON,
  seasonOutcome,
  seriesSentence,
} from './phrase-common.js';
import { SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import { seriesOf } from './snapshot-index.js';

export function compareAnswer(facts: Facts): string {
  const [top, ...rest] = facts.teams;
  const headToHead =
    /\b(?:record against|against each other|head[- ]to[- ]head|season series|regular[- ]season series|games against)\b/i.test(
      facts.question.text,
    )
      ? 'Head-to-head regular-season results are not in my offline snapshot; here is how their seasons compare.'
      : undefined;
  if (!top) return paragraphs('Name two teams and I will compare their records.');
  const lines = facts.teams.map(
    (t) => `- ${fullName(t)}: ${recordPct(t)}, ${ordinal(t.seed)} in the ${t.conference}. ${seasonOutcome(t)}`,
  );
  if (facts.question.facet === 'further') return paragraphs(furtherLead(facts.teams), lines.join('\n'));
  const tied = rest.filter((t) => t.wins === top.wins);
  const lead = tied.length
    ? `The ${list([top, ...tied].map((t) => t.nickname))} finished with the same record, ${record(top)}; tie-breakers put the ${top.nickname} ahead.`
    : `The ${fullName(top)} had the ${rest.length === 1 ? 'better' : 'best'} record at ${record(top)}${rest.length === 1 ? `, ${top.wins - rest[0]!.wins} more win${top.wins - rest[0]!.wins === 1 ? '' : 's'} than the ${rest[0]!.nickname} (${record(rest[0]!)})` : ''}.`;
  const met = rest
    .map((t) =>
      SNAPSHOT.playoffs.find(
        (s) => [s.winner, s.loser].includes(t.abbreviation) && [s.winner, s.loser].includes(top.abbreviation),
      ),
    )
    .find(Boolean);
  return paragraphs(
    headToHead,
    lead,
    lines.join('\n'),
    met ? `They met in the playoffs: ${seriesSentence(met)}.` : undefined,
  );
}

const ROUND_DEPTH = { 'First Round': 1, 'Conference Semifinals': 2, 'Conference Finals': 3, 'NBA Finals': 4 } as const;

/** How far a team went: 0 missed the playoffs, 1-4 the last round it played, 5 the champion. */
function playoffDepth(team: SnapshotTeam): number {
  if (SNAPSHOT.finals.champion === team.abbreviation) return 5;
  const last = seriesOf(team).at(-1);
  return last ? ROUND_DEPTH[last.round] : 0;
}

function furtherLead(teams: readonly SnapshotTeam[]): string {
  const ranked = [...teams].sort((a, b) => playoffDepth(b) - playoffDepth(a));
  const [first, second] = ranked;
  if (!first || !second) return '';
  if (playoffDepth(first) === playoffDepth(second))
    return `The ${list(ranked.map((t) => t.nickname))} went equally far in the ${SEASON} playoffs.`;
  const how =
    playoffDepth(first) === 5
      ? 'they won the championship'
      : `they reached ${roundName(seriesOf(first).at(-1)!.round, first.conference)}`;
  return `The ${fullName(first)} went further in the ${SEASON} playoffs: ${how}.`;
}

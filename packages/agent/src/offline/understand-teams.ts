/**
 * Part of the understand step: teams named without their name. The champion, the runner-up or a conference champion
 * ("the East champion", "the losing team"), and questions about a team's notable players ("Who was their best
 * player?").
 */
import type { Question } from './question.js';
import { SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import type { MessageParts } from './understand.js';

/** "Who was their best player?", "Who plays for the Bucks?": the team's notable players. */
export const ROSTER =
  /\b(?:best players?|star(?: players?)?|stars|top players?|who (?:plays|played) for|roster|players (?:on|of|for)|notable players|key players?|who (?:is|was|were) on|which \w+ players?)\b/;

export function championTeam(): SnapshotTeam {
  return SNAPSHOT.teams.find((t) => t.abbreviation === SNAPSHOT.finals.champion)!;
}

// "the best player on the losing team": the Finals' teams named by their result.
const LOSING_TEAM = /\b(?:losing team|runners?-up|team that lost(?: the finals)?|finals loser|the losers)\b/;
const CONFERENCE_CHAMPION = /\b(?:east|west|eastern|western|conference) (?:champions?|champs|winners?)\b/;
const WINNING_TEAM = /\b(?:winning team|champions?|champs|title winners?|team that won)\b/;

/** A team named by its result: "the East champion", "the losing team", "the champions". */
export function describedTeam(p: MessageParts): SnapshotTeam | undefined {
  const conferenceFinal = p.conference
    ? SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === p.conference)
    : undefined;
  const abbreviation =
    conferenceFinal && p.about(CONFERENCE_CHAMPION)
      ? conferenceFinal.winner
      : p.about(LOSING_TEAM)
        ? SNAPSHOT.finals.runnerUp
        : p.about(WINNING_TEAM)
          ? SNAPSHOT.finals.champion
          : undefined;
  return abbreviation ? SNAPSHOT.teams.find((t) => t.abbreviation === abbreviation) : undefined;
}

export function rosterQuestion(p: MessageParts): Question | undefined {
  if (p.teams.length === 1) return p.q('roster');
  const team = p.teams.length ? undefined : describedTeam(p);
  return team ? p.q('roster', 'summary', { teams: [team] }) : undefined;
}

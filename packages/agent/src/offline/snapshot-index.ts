/**
 * The snapshot indexed once at start (teams by abbreviation, each conference in seed order, each team's series) and
 * the small queries every step shares: a turn looks teams and series up many times.
 */
import { type Conference, SNAPSHOT, type SnapshotSeries, type SnapshotTeam } from './snapshot-2024-25.js';

/** Teams ordered by record (every team played 82 games), then conference seed (the snapshot's tie-breaks). */
export function byRecord(teams: readonly SnapshotTeam[]): SnapshotTeam[] {
  return [...teams].sort((a, b) => b.wins - a.wins || a.losses - b.losses || a.seed - b.seed);
}

// Indexes over the frozen snapshot, built once: a turn looks teams and series up many times.
const TEAM_BY_ABBREVIATION: ReadonlyMap<string, SnapshotTeam> = new Map(SNAPSHOT.teams.map((t) => [t.abbreviation, t]));
const BY_SEED = [...SNAPSHOT.teams].sort((a, b) => a.seed - b.seed);
const CONFERENCE_TEAMS: Readonly<Record<Conference | 'all', readonly SnapshotTeam[]>> = {
  all: BY_SEED,
  East: BY_SEED.filter((t) => t.conference === 'East'),
  West: BY_SEED.filter((t) => t.conference === 'West'),
};
const SERIES_OF: ReadonlyMap<SnapshotTeam, readonly SnapshotSeries[]> = new Map(
  SNAPSHOT.teams.map((t) => [
    t,
    SNAPSHOT.playoffs.filter((s) => s.winner === t.abbreviation || s.loser === t.abbreviation),
  ]),
);

export function teamByAbbreviation(abbreviation: string): SnapshotTeam {
  const team = TEAM_BY_ABBREVIATION.get(abbreviation);
  if (!team) throw new Error(`Unknown team abbreviation ${abbreviation}`);
  return team;
}

/** The teams of a conference (or of the league) in seed order; a fresh array the caller may reorder. */
export function conferenceTeams(conference: Conference | undefined): SnapshotTeam[] {
  return CONFERENCE_TEAMS[conference ?? 'all'].slice();
}

/** Every series a team played, in round order. */
export function seriesOf(team: SnapshotTeam): readonly SnapshotSeries[] {
  return SERIES_OF.get(team) ?? [];
}

/** A team's playoff games won and lost, over all its series. */
export function playoffGames(team: SnapshotTeam): { won: number; lost: number } {
  let won = 0;
  let lost = 0;
  for (const s of seriesOf(team)) {
    const [w, l] = s.result.split('-').map(Number) as [number, number];
    won += s.winner === team.abbreviation ? w : l;
    lost += s.winner === team.abbreviation ? l : w;
  }
  return { won, lost };
}

/** The series between two teams, if they met. */
export function seriesBetween(a: SnapshotTeam, b: SnapshotTeam): SnapshotSeries | undefined {
  return SNAPSHOT.playoffs.find(
    (s) =>
      (s.winner === a.abbreviation && s.loser === b.abbreviation) ||
      (s.winner === b.abbreviation && s.loser === a.abbreviation),
  );
}

/**
 * A dated snapshot of the 2024-25 NBA season, bundled so the offline model can answer without network access.
 *
 * Source: NBA.com final 2024-25 regular-season standings and Basketball-Reference (2025 playoffs and awards).
 * `seed` is the finishing position in the conference's regular-season standings; `playoffSeed` is the seed the team
 * actually held in the playoff bracket after the play-in tournament (null when it did not reach the playoffs).
 */

/** NBA conference of a team. */
export type Conference = 'East' | 'West';

/** One team's final regular-season line. */
export interface SnapshotTeam {
  /** Three-letter abbreviation, e.g. "TOR". */
  readonly abbreviation: string;
  /** City or region, e.g. "Toronto". */
  readonly city: string;
  /** Nickname, e.g. "Raptors". */
  readonly nickname: string;
  readonly conference: Conference;
  /** Finishing position in the conference standings (1-15). */
  readonly seed: number;
  readonly wins: number;
  readonly losses: number;
  /** Seed in the playoff bracket after the play-in, or null. */
  readonly playoffSeed: number | null;
  /** Other names fans and writers use, matched as whole words (case-insensitive), e.g. "Raps". */
  readonly aliases: readonly string[];
}

/** One best-of-seven playoff series. */
export interface SnapshotSeries {
  readonly round: 'First Round' | 'Conference Semifinals' | 'Conference Finals' | 'NBA Finals';
  readonly conference: Conference | null;
  readonly winner: string;
  readonly loser: string;
  /** Series score from the winner's side, e.g. "4-3". */
  readonly result: string;
}

/** The whole bundled season. */
export interface SeasonSnapshot {
  readonly season: string;
  /** The date the snapshot describes (the day after the last game of the season). */
  readonly asOf: string;
  readonly source: string;
  readonly teams: readonly SnapshotTeam[];
  readonly playoffs: readonly SnapshotSeries[];
  readonly finals: {
    readonly champion: string;
    readonly runnerUp: string;
    readonly result: string;
    readonly clinchingGame: { readonly game: number; readonly date: string; readonly score: string };
    readonly finalsMvp: { readonly player: string; readonly team: string };
  };
  readonly awards: { readonly mvp: { readonly player: string; readonly team: string } };
}

function team(
  abbreviation: string,
  city: string,
  nickname: string,
  conference: Conference,
  seed: number,
  wins: number,
  losses: number,
  playoffSeed: number | null,
  aliases: readonly string[] = [],
): SnapshotTeam {
  return Object.freeze({ abbreviation, city, nickname, conference, seed, wins, losses, playoffSeed, aliases: Object.freeze([...aliases]) });
}

/** The bundled 2024-25 season snapshot. */
export const SNAPSHOT: SeasonSnapshot = Object.freeze({
  season: '2024-25',
  asOf: '2025-06-23',
  source: 'NBA.com final 2024-25 regular-season standings; Basketball-Reference 2025 playoffs and awards',
  teams: Object.freeze([
    // Eastern Conference
    team('CLE', 'Cleveland', 'Cavaliers', 'East', 1, 64, 18, 1, ['Cavs']),
    team('BOS', 'Boston', 'Celtics', 'East', 2, 61, 21, 2, ['Celts']),
    team('NYK', 'New York', 'Knicks', 'East', 3, 51, 31, 3, ['NY Knicks']),
    team('IND', 'Indiana', 'Pacers', 'East', 4, 50, 32, 4, []),
    team('MIL', 'Milwaukee', 'Bucks', 'East', 5, 48, 34, 5, []),
    team('DET', 'Detroit', 'Pistons', 'East', 6, 44, 38, 6, []),
    team('ORL', 'Orlando', 'Magic', 'East', 7, 41, 41, 7, []),
    team('ATL', 'Atlanta', 'Hawks', 'East', 8, 40, 42, null, []),
    team('CHI', 'Chicago', 'Bulls', 'East', 9, 39, 43, null, []),
    team('MIA', 'Miami', 'Heat', 'East', 10, 37, 45, 8, []),
    team('TOR', 'Toronto', 'Raptors', 'East', 11, 30, 52, null, ['Raps']),
    team('BKN', 'Brooklyn', 'Nets', 'East', 12, 26, 56, null, []),
    team('PHI', 'Philadelphia', '76ers', 'East', 13, 24, 58, null, ['Sixers', 'Philly']),
    team('CHA', 'Charlotte', 'Hornets', 'East', 14, 19, 63, null, []),
    team('WAS', 'Washington', 'Wizards', 'East', 15, 18, 64, null, ['Wiz']),
    // Western Conference
    team('OKC', 'Oklahoma City', 'Thunder', 'West', 1, 68, 14, 1, ['OKC']),
    team('HOU', 'Houston', 'Rockets', 'West', 2, 52, 30, 2, []),
    team('LAL', 'Los Angeles', 'Lakers', 'West', 3, 50, 32, 3, ['LA Lakers']),
    team('DEN', 'Denver', 'Nuggets', 'West', 4, 50, 32, 4, ['Nugs']),
    team('LAC', 'LA', 'Clippers', 'West', 5, 50, 32, 5, ['Clips', 'LA Clippers', 'Los Angeles Clippers']),
    team('MIN', 'Minnesota', 'Timberwolves', 'West', 6, 49, 33, 6, ['Wolves', 'T-Wolves']),
    team('GSW', 'Golden State', 'Warriors', 'West', 7, 48, 34, 7, ['Dubs']),
    team('MEM', 'Memphis', 'Grizzlies', 'West', 8, 48, 34, 8, ['Grizz']),
    team('SAC', 'Sacramento', 'Kings', 'West', 9, 40, 42, null, []),
    team('DAL', 'Dallas', 'Mavericks', 'West', 10, 39, 43, null, ['Mavs']),
    team('PHX', 'Phoenix', 'Suns', 'West', 11, 36, 46, null, []),
    team('POR', 'Portland', 'Trail Blazers', 'West', 12, 36, 46, null, ['Blazers']),
    team('SAS', 'San Antonio', 'Spurs', 'West', 13, 34, 48, null, []),
    team('NOP', 'New Orleans', 'Pelicans', 'West', 14, 21, 61, null, ['Pels']),
    team('UTA', 'Utah', 'Jazz', 'West', 15, 17, 65, null, []),
  ]),
  playoffs: Object.freeze([
    { round: 'First Round', conference: 'East', winner: 'CLE', loser: 'MIA', result: '4-0' },
    { round: 'First Round', conference: 'East', winner: 'BOS', loser: 'ORL', result: '4-1' },
    { round: 'First Round', conference: 'East', winner: 'NYK', loser: 'DET', result: '4-2' },
    { round: 'First Round', conference: 'East', winner: 'IND', loser: 'MIL', result: '4-1' },
    { round: 'First Round', conference: 'West', winner: 'OKC', loser: 'MEM', result: '4-0' },
    { round: 'First Round', conference: 'West', winner: 'GSW', loser: 'HOU', result: '4-3' },
    { round: 'First Round', conference: 'West', winner: 'MIN', loser: 'LAL', result: '4-1' },
    { round: 'First Round', conference: 'West', winner: 'DEN', loser: 'LAC', result: '4-3' },
    { round: 'Conference Semifinals', conference: 'East', winner: 'IND', loser: 'CLE', result: '4-1' },
    { round: 'Conference Semifinals', conference: 'East', winner: 'NYK', loser: 'BOS', result: '4-2' },
    { round: 'Conference Semifinals', conference: 'West', winner: 'OKC', loser: 'DEN', result: '4-3' },
    { round: 'Conference Semifinals', conference: 'West', winner: 'MIN', loser: 'GSW', result: '4-1' },
    { round: 'Conference Finals', conference: 'East', winner: 'IND', loser: 'NYK', result: '4-2' },
    { round: 'Conference Finals', conference: 'West', winner: 'OKC', loser: 'MIN', result: '4-1' },
    { round: 'NBA Finals', conference: null, winner: 'OKC', loser: 'IND', result: '4-3' },
  ] satisfies SnapshotSeries[]),
  finals: Object.freeze({
    champion: 'OKC',
    runnerUp: 'IND',
    result: '4-3',
    clinchingGame: Object.freeze({ game: 7, date: '2025-06-22', score: '103-91' }),
    finalsMvp: Object.freeze({ player: 'Shai Gilgeous-Alexander', team: 'OKC' }),
  }),
  awards: Object.freeze({ mvp: Object.freeze({ player: 'Shai Gilgeous-Alexander', team: 'OKC' }) }),
});

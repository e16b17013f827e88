/**
 * A dated snapshot of the 2024-25 NBA season, bundled so the offline model can answer without network access.
 *
 * Source: NBA.com final 2024-25 regular-season standings and Basketball-Reference (2025 playoffs and awards).
 * `seed` is the finishing position in the conference's regular-season standings; `playoffSeed` is the seed the team
 * actually held in the playoff bracket after the play-in tournament (null when it did not reach the playoffs).
 * Finals game scores, play-in results, the season awards and the notable players' end-of-season teams were added
 * for the rule-based offline model; see the package README for what it can and cannot answer from this data.
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

/** One game of the NBA Finals. */
export interface SnapshotFinalsGame {
  readonly game: number;
  readonly date: string;
  readonly winner: string;
  /** Final score, winner's points first, e.g. "103-91". */
  readonly score: string;
}

/** One play-in tournament game. */
export interface SnapshotPlayInGame {
  readonly conference: Conference;
  /** "7v8": winner takes the 7 seed; "9v10": loser is out; "final": winner takes the 8 seed. */
  readonly game: '7v8' | '9v10' | 'final';
  readonly winner: string;
  readonly loser: string;
}

/** Keys of the season awards in the snapshot. */
export type AwardKey =
  | 'mvp'
  | 'finalsMvp'
  | 'rookieOfTheYear'
  | 'defensivePlayerOfTheYear'
  | 'sixthMan'
  | 'mostImproved'
  | 'coachOfTheYear'
  | 'clutchPlayer'
  | 'eastFinalsMvp'
  | 'westFinalsMvp';

/** A season award: who won it and for which team. */
export interface SnapshotAward {
  readonly player: string;
  readonly team: string;
}

/** A notable player and the team he played for at the end of the regular season. */
export interface SnapshotPlayer {
  readonly name: string;
  readonly team: string;
  /** Other spellings and short names matched in questions (accents dropped, nicknames). */
  readonly aliases: readonly string[];
  /** Set for players traded during the season: where he started it and the month of the trade. */
  readonly tradedFrom?: { readonly team: string; readonly month: string };
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
    readonly finalsMvp: SnapshotAward;
    readonly games: readonly SnapshotFinalsGame[];
  };
  readonly playIn: readonly SnapshotPlayInGame[];
  readonly awards: { readonly [K in AwardKey]: SnapshotAward };
  readonly players: readonly SnapshotPlayer[];
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
  return Object.freeze({
    abbreviation,
    city,
    nickname,
    conference,
    seed,
    wins,
    losses,
    playoffSeed,
    aliases: Object.freeze([...aliases]),
  });
}

function player(
  name: string,
  team: string,
  aliases: readonly string[] = [],
  tradedFrom?: { team: string; month: string },
): SnapshotPlayer {
  return Object.freeze({ name, team, aliases: Object.freeze([...aliases]), ...(tradedFrom ? { tradedFrom } : {}) });
}

/**
 * Notable players with the team they ended the 2024-25 regular season on (after the February 2025 trade deadline).
 * Only players whose end-of-season team is certain are listed; per-player statistics are deliberately not here.
 */
const PLAYERS: readonly SnapshotPlayer[] = [
  player('Shai Gilgeous-Alexander', 'OKC', ['SGA', 'Shai']),
  player('Jalen Williams', 'OKC', ['J-Dub', 'JDub']),
  player('Chet Holmgren', 'OKC', ['Chet']),
  player('Luguentz Dort', 'OKC', ['Lu Dort']),
  player('Alex Caruso', 'OKC'),
  player('Isaiah Hartenstein', 'OKC'),
  player('Tyrese Haliburton', 'IND', ['Hali']),
  player('Pascal Siakam', 'IND', ['Spicy P']),
  player('Myles Turner', 'IND'),
  player('Aaron Nesmith', 'IND'),
  player('Andrew Nembhard', 'IND'),
  player('T.J. McConnell', 'IND', ['TJ McConnell']),
  player('Bennedict Mathurin', 'IND'),
  player('Donovan Mitchell', 'CLE', ['Spida']),
  player('Darius Garland', 'CLE'),
  player('Evan Mobley', 'CLE'),
  player('Jarrett Allen', 'CLE'),
  player("De'Andre Hunter", 'CLE', ['DeAndre Hunter'], { team: 'ATL', month: 'February 2025' }),
  player('Jayson Tatum', 'BOS'),
  player('Jaylen Brown', 'BOS'),
  player('Jrue Holiday', 'BOS'),
  player('Kristaps Porzingis', 'BOS', ['Porzingis', 'Porziņģis']),
  player('Derrick White', 'BOS'),
  player('Payton Pritchard', 'BOS'),
  player('Al Horford', 'BOS'),
  player('Jalen Brunson', 'NYK'),
  player('Karl-Anthony Towns', 'NYK', ['KAT', 'Karl Anthony Towns']),
  player('OG Anunoby', 'NYK'),
  player('Mikal Bridges', 'NYK'),
  player('Josh Hart', 'NYK'),
  player('Giannis Antetokounmpo', 'MIL', ['Giannis', 'Greek Freak']),
  player('Damian Lillard', 'MIL'),
  player('Brook Lopez', 'MIL'),
  player('Kyle Kuzma', 'MIL', [], { team: 'WAS', month: 'February 2025' }),
  player('Cade Cunningham', 'DET'),
  player('Jalen Duren', 'DET'),
  player('Ausar Thompson', 'DET'),
  player('Tobias Harris', 'DET'),
  player('Paolo Banchero', 'ORL'),
  player('Franz Wagner', 'ORL'),
  player('Jalen Suggs', 'ORL'),
  player('Trae Young', 'ATL'),
  player('Jalen Johnson', 'ATL'),
  player('Dyson Daniels', 'ATL'),
  player('Coby White', 'CHI'),
  player('Nikola Vucevic', 'CHI', ['Vucevic', 'Vučević']),
  player('Josh Giddey', 'CHI'),
  player('Bam Adebayo', 'MIA'),
  player('Tyler Herro', 'MIA'),
  player('Andrew Wiggins', 'MIA', [], { team: 'GSW', month: 'February 2025' }),
  player('Scottie Barnes', 'TOR'),
  player('RJ Barrett', 'TOR'),
  player('Immanuel Quickley', 'TOR'),
  player('Brandon Ingram', 'TOR', [], { team: 'NOP', month: 'February 2025' }),
  player('Cam Thomas', 'BKN'),
  player('Joel Embiid', 'PHI', ['Embiid']),
  player('Tyrese Maxey', 'PHI'),
  player('Paul George', 'PHI', ['PG13']),
  player('LaMelo Ball', 'CHA', ['Melo Ball']),
  player('Brandon Miller', 'CHA'),
  player('Jordan Poole', 'WAS'),
  player('Alex Sarr', 'WAS'),
  player('Bilal Coulibaly', 'WAS'),
  player('Khris Middleton', 'WAS', [], { team: 'MIL', month: 'February 2025' }),
  player('Alperen Sengun', 'HOU', ['Şengün', 'Sengün']),
  player('Jalen Green', 'HOU'),
  player('Fred VanVleet', 'HOU', ['FVV']),
  player('Amen Thompson', 'HOU'),
  player('Dillon Brooks', 'HOU'),
  player('LeBron James', 'LAL', ['LeBron', 'Bron']),
  player('Luka Doncic', 'LAL', ['Luka', 'Dončić', 'Luka Dončić'], { team: 'DAL', month: 'February 2025' }),
  player('Austin Reaves', 'LAL'),
  player('Nikola Jokic', 'DEN', ['Jokic', 'Jokić', 'Nikola Jokić']),
  player('Jamal Murray', 'DEN'),
  player('Aaron Gordon', 'DEN'),
  player('Michael Porter Jr.', 'DEN', ['Michael Porter', 'MPJ']),
  player('Kawhi Leonard', 'LAC', ['Kawhi']),
  player('James Harden', 'LAC'),
  player('Ivica Zubac', 'LAC', ['Zubac']),
  player('Norman Powell', 'LAC'),
  player('Anthony Edwards', 'MIN', ['Ant Edwards']),
  player('Julius Randle', 'MIN'),
  player('Rudy Gobert', 'MIN', ['Gobert']),
  player('Jaden McDaniels', 'MIN'),
  player('Naz Reid', 'MIN'),
  player('Stephen Curry', 'GSW', ['Steph Curry', 'Steph']),
  player('Jimmy Butler', 'GSW', ['Jimmy Buckets'], { team: 'MIA', month: 'February 2025' }),
  player('Draymond Green', 'GSW', ['Draymond']),
  player('Ja Morant', 'MEM'),
  player('Jaren Jackson Jr.', 'MEM', ['Jaren Jackson', 'JJJ']),
  player('Desmond Bane', 'MEM'),
  player('Domantas Sabonis', 'SAC', ['Sabonis']),
  player('DeMar DeRozan', 'SAC', ['DeRozan']),
  player('Zach LaVine', 'SAC', [], { team: 'CHI', month: 'February 2025' }),
  player('Anthony Davis', 'DAL', [], { team: 'LAL', month: 'February 2025' }),
  player('Kyrie Irving', 'DAL', ['Kyrie']),
  player('Klay Thompson', 'DAL', ['Klay']),
  player('Kevin Durant', 'PHX', ['KD', 'Durant']),
  player('Devin Booker', 'PHX'),
  player('Bradley Beal', 'PHX'),
  player('Anfernee Simons', 'POR'),
  player('Deni Avdija', 'POR'),
  player('Shaedon Sharpe', 'POR'),
  player('Victor Wembanyama', 'SAS', ['Wemby', 'Wembanyama']),
  player("De'Aaron Fox", 'SAS', ['DeAaron Fox'], { team: 'SAC', month: 'February 2025' }),
  player('Chris Paul', 'SAS', ['CP3']),
  player('Stephon Castle', 'SAS'),
  player('Zion Williamson', 'NOP'),
  player('Trey Murphy III', 'NOP', ['Trey Murphy']),
  player('Lauri Markkanen', 'UTA', ['Markkanen']),
  player('Walker Kessler', 'UTA'),
  player('Collin Sexton', 'UTA'),
];

/** The bundled 2024-25 season snapshot. */
export const SNAPSHOT: SeasonSnapshot = Object.freeze({
  season: '2024-25',
  asOf: '2025-06-23',
  source: 'NBA.com final 2024-25 regular-season standings; Basketball-Reference 2025 playoffs and awards',
  teams: Object.freeze([
    // Eastern Conference
    team('CLE', 'Cleveland', 'Cavaliers', 'East', 1, 64, 18, 1, ['Cavs']),
    team('BOS', 'Boston', 'Celtics', 'East', 2, 61, 21, 2, ['Celts']),
    team('NYK', 'New York', 'Knicks', 'East', 3, 51, 31, 3, ['NY Knicks', 'Knickerbockers']),
    team('IND', 'Indiana', 'Pacers', 'East', 4, 50, 32, 4, []),
    team('MIL', 'Milwaukee', 'Bucks', 'East', 5, 48, 34, 5, []),
    team('DET', 'Detroit', 'Pistons', 'East', 6, 44, 38, 6, []),
    team('ORL', 'Orlando', 'Magic', 'East', 7, 41, 41, 7, []),
    team('ATL', 'Atlanta', 'Hawks', 'East', 8, 40, 42, null, []),
    team('CHI', 'Chicago', 'Bulls', 'East', 9, 39, 43, null, []),
    team('MIA', 'Miami', 'Heat', 'East', 10, 37, 45, 8, []),
    team('TOR', 'Toronto', 'Raptors', 'East', 11, 30, 52, null, ['Raps']),
    team('BKN', 'Brooklyn', 'Nets', 'East', 12, 26, 56, null, ['Brooklyn Nets']),
    team('PHI', 'Philadelphia', '76ers', 'East', 13, 24, 58, null, ['Sixers', 'Philly', 'Seventy-Sixers']),
    team('CHA', 'Charlotte', 'Hornets', 'East', 14, 19, 63, null, ['Buzz City']),
    team('WAS', 'Washington', 'Wizards', 'East', 15, 18, 64, null, ['Wiz']),
    // Western Conference
    team('OKC', 'Oklahoma City', 'Thunder', 'West', 1, 68, 14, 1, ['OKC', 'OKC Thunder', 'Oklahoma']),
    team('HOU', 'Houston', 'Rockets', 'West', 2, 52, 30, 2, []),
    team('LAL', 'Los Angeles', 'Lakers', 'West', 3, 50, 32, 3, ['LA Lakers', 'Lake Show']),
    team('DEN', 'Denver', 'Nuggets', 'West', 4, 50, 32, 4, ['Nugs']),
    team('LAC', 'LA', 'Clippers', 'West', 5, 50, 32, 5, ['Clips', 'LA Clippers', 'Los Angeles Clippers']),
    team('MIN', 'Minnesota', 'Timberwolves', 'West', 6, 49, 33, 6, ['Wolves', 'T-Wolves', 'Twolves', 'Minny']),
    team('GSW', 'Golden State', 'Warriors', 'West', 7, 48, 34, 7, ['Dubs', 'GSW', 'Golden St']),
    team('MEM', 'Memphis', 'Grizzlies', 'West', 8, 48, 34, 8, ['Grizz']),
    team('SAC', 'Sacramento', 'Kings', 'West', 9, 40, 42, null, []),
    team('DAL', 'Dallas', 'Mavericks', 'West', 10, 39, 43, null, ['Mavs', 'Mavericks']),
    team('PHX', 'Phoenix', 'Suns', 'West', 11, 36, 46, null, []),
    team('POR', 'Portland', 'Trail Blazers', 'West', 12, 36, 46, null, ['Blazers', 'Trailblazers', 'Rip City']),
    team('SAS', 'San Antonio', 'Spurs', 'West', 13, 34, 48, null, ['SA Spurs']),
    team('NOP', 'New Orleans', 'Pelicans', 'West', 14, 21, 61, null, ['Pels', 'NOLA']),
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
    games: Object.freeze([
      { game: 1, date: '2025-06-05', winner: 'IND', score: '111-110' },
      { game: 2, date: '2025-06-08', winner: 'OKC', score: '123-107' },
      { game: 3, date: '2025-06-11', winner: 'IND', score: '116-107' },
      { game: 4, date: '2025-06-13', winner: 'OKC', score: '111-104' },
      { game: 5, date: '2025-06-16', winner: 'OKC', score: '120-109' },
      { game: 6, date: '2025-06-19', winner: 'IND', score: '108-91' },
      { game: 7, date: '2025-06-22', winner: 'OKC', score: '103-91' },
    ] satisfies SnapshotFinalsGame[]),
  }),
  playIn: Object.freeze([
    { conference: 'East', game: '7v8', winner: 'ORL', loser: 'ATL' },
    { conference: 'East', game: '9v10', winner: 'MIA', loser: 'CHI' },
    { conference: 'East', game: 'final', winner: 'MIA', loser: 'ATL' },
    { conference: 'West', game: '7v8', winner: 'GSW', loser: 'MEM' },
    { conference: 'West', game: '9v10', winner: 'DAL', loser: 'SAC' },
    { conference: 'West', game: 'final', winner: 'MEM', loser: 'DAL' },
  ] satisfies SnapshotPlayInGame[]),
  awards: Object.freeze({
    mvp: { player: 'Shai Gilgeous-Alexander', team: 'OKC' },
    finalsMvp: { player: 'Shai Gilgeous-Alexander', team: 'OKC' },
    rookieOfTheYear: { player: 'Stephon Castle', team: 'SAS' },
    defensivePlayerOfTheYear: { player: 'Evan Mobley', team: 'CLE' },
    sixthMan: { player: 'Payton Pritchard', team: 'BOS' },
    mostImproved: { player: 'Dyson Daniels', team: 'ATL' },
    coachOfTheYear: { player: 'Kenny Atkinson', team: 'CLE' },
    clutchPlayer: { player: 'Jalen Brunson', team: 'NYK' },
    eastFinalsMvp: { player: 'Pascal Siakam', team: 'IND' },
    westFinalsMvp: { player: 'Shai Gilgeous-Alexander', team: 'OKC' },
  }),
  players: Object.freeze(PLAYERS),
});

import { describe, expect, it } from 'vitest';
import { findTeams, SNAPSHOT } from '../src/index.js';

const EAST =
  'CLE 64-18, BOS 61-21, NYK 51-31, IND 50-32, MIL 48-34, DET 44-38, ORL 41-41, ATL 40-42, CHI 39-43, MIA 37-45, TOR 30-52, BKN 26-56, PHI 24-58, CHA 19-63, WAS 18-64';
const WEST =
  'OKC 68-14, HOU 52-30, LAL 50-32, DEN 50-32, LAC 50-32, MIN 49-33, GSW 48-34, MEM 48-34, SAC 40-42, DAL 39-43, PHX 36-46, POR 36-46, SAS 34-48, NOP 21-61, UTA 17-65';

function line(conference: 'East' | 'West'): string {
  return SNAPSHOT.teams
    .filter((t) => t.conference === conference)
    .sort((a, b) => a.seed - b.seed)
    .map((t) => `${t.abbreviation} ${t.wins}-${t.losses}`)
    .join(', ');
}

describe('2024-25 snapshot', () => {
  it('names the season, its date and its source', () => {
    expect(SNAPSHOT.season).toBe('2024-25');
    expect(SNAPSHOT.asOf).toMatch(/^2025-06-2\d$/);
    expect(SNAPSHOT.source).toContain('NBA.com');
    expect(SNAPSHOT.source).toContain('Basketball-Reference');
  });

  it('has the final standings of all 30 teams, 15 per conference, seeds 1-15', () => {
    expect(SNAPSHOT.teams).toHaveLength(30);
    expect(line('East')).toBe(EAST);
    expect(line('West')).toBe(WEST);
    for (const conference of ['East', 'West'] as const) {
      const seeds = SNAPSHOT.teams
        .filter((t) => t.conference === conference)
        .map((t) => t.seed)
        .sort((a, b) => a - b);
      expect(seeds).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    }
    expect(new Set(SNAPSHOT.teams.map((t) => t.abbreviation)).size).toBe(30);
  });

  it('is internally consistent: every team played 82, total wins equal total losses', () => {
    for (const team of SNAPSHOT.teams) expect(team.wins + team.losses, team.abbreviation).toBe(82);
    const wins = SNAPSHOT.teams.reduce((s, t) => s + t.wins, 0);
    const losses = SNAPSHOT.teams.reduce((s, t) => s + t.losses, 0);
    expect(wins).toBe(losses);
    expect(wins).toBe(1230);
  });

  it('has eight playoff seeds per conference and a consistent bracket', () => {
    for (const conference of ['East', 'West'] as const) {
      const seeds = SNAPSHOT.teams
        .filter((t) => t.conference === conference && t.playoffSeed !== null)
        .map((t) => t.playoffSeed);
      expect(seeds.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }
    expect(SNAPSHOT.playoffs).toHaveLength(15);
    const abbreviations = new Set(SNAPSHOT.teams.map((t) => t.abbreviation));
    for (const series of SNAPSHOT.playoffs) {
      expect(abbreviations.has(series.winner) && abbreviations.has(series.loser)).toBe(true);
      expect(series.result.startsWith('4-')).toBe(true);
    }
    // Each playoff team loses at most once; only the champion never loses.
    const losers = SNAPSHOT.playoffs.map((s) => s.loser);
    expect(new Set(losers).size).toBe(15);
    expect(losers).not.toContain(SNAPSHOT.finals.champion);
  });

  it('records the Finals and the awards', () => {
    expect(SNAPSHOT.finals).toMatchObject({
      champion: 'OKC',
      runnerUp: 'IND',
      result: '4-3',
      clinchingGame: { game: 7, date: '2025-06-22' },
      finalsMvp: { player: 'Shai Gilgeous-Alexander', team: 'OKC' },
    });
    expect(SNAPSHOT.awards.mvp).toEqual({ player: 'Shai Gilgeous-Alexander', team: 'OKC' });
    expect(SNAPSHOT.playoffs.at(-1)).toMatchObject({ round: 'NBA Finals', winner: 'OKC', loser: 'IND', result: '4-3' });
  });
});

describe('team matching', () => {
  const first = (text: string) => findTeams(text)[0]?.team.abbreviation;

  it.each([
    ['The Raptors went 46-36', 'TOR'],
    ['How is Toronto doing?', 'TOR'],
    ['the Cavs are good', 'CLE'],
    ['Sixers fans', 'PHI'],
    ['Philadelphia 76ers', 'PHI'],
    ['Blazers', 'POR'],
    ['the Wolves', 'MIN'],
    ['Boston Celtics', 'BOS'],
    ['celtics', 'BOS'],
    ['Golden State Warriors', 'GSW'],
    ['LA Clippers', 'LAC'],
    ['Los Angeles Lakers', 'LAL'],
    ['OKC', 'OKC'],
    ['New York', 'NYK'],
    ['Trail Blazers', 'POR'],
  ])('%s → %s', (text, abbreviation) => {
    expect(first(text)).toBe(abbreviation);
  });

  it('ignores partial words, lower-case abbreviations and ambiguous cities', () => {
    expect(findTeams('planets and magnets, wheat, min and max')).toEqual([]);
    expect(findTeams('Los Angeles traffic')).toEqual([]);
  });

  it('lists teams in order of first mention', () => {
    expect(
      findTeams('Indiana beat the Knicks, then lost to OKC').map(
        (m: { team: { abbreviation: string } }) => m.team.abbreviation,
      ),
    ).toEqual(['IND', 'NYK', 'OKC']);
  });
});

/**
 * Step 4 of the offline pipeline: phrase the answer from the looked-up {@link Facts} (and the tool's percentage,
 * when one was needed). Every answer starts with the direct answer and ends with the snapshot note.
 */
import { calculateWinPercentage } from '../tools.js';
import { byRecord, conferenceTeams, seriesOf, teamByAbbreviation, type Facts } from './lookup.js';
import { SNAPSHOT, type AwardKey, type Conference, type SnapshotSeries, type SnapshotTeam } from './snapshot-2024-25.js';
import type { Question, UnsupportedReason } from './understand.js';

/** The one-sentence provenance note that ends every offline answer. */
export const OFFLINE_SOURCE_NOTE = `This answer comes from the offline snapshot of the ${SNAPSHOT.season} NBA season (as of ${SNAPSHOT.asOf}).`;

const SEASON = SNAPSHOT.season;

function paragraphs(...parts: Array<string | undefined | false>): string {
  return [...parts.filter((p): p is string => typeof p === 'string' && p.length > 0), OFFLINE_SOURCE_NOTE].join('\n\n');
}

export function fullName(team: SnapshotTeam): string {
  return `${team.city} ${team.nickname}`;
}

function record(team: SnapshotTeam): string {
  return `${team.wins}-${team.losses}`;
}

/** "64-18 (.780)": percentages in lists are plain arithmetic; a percentage the user asks for comes from the tool. */
function recordPct(team: SnapshotTeam): string {
  return `${record(team)} (${calculateWinPercentage(team.wins, team.losses)})`;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function conferenceName(conference: Conference): string {
  return conference === 'East' ? 'Eastern Conference' : 'Western Conference';
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function roundName(round: SnapshotSeries['round'], conference: Conference | null): string {
  if (round === 'NBA Finals') return 'the NBA Finals';
  const where = conference ? `${conference === 'East' ? 'Eastern' : 'Western'} Conference ` : '';
  return round === 'First Round' ? `the ${conference ? `${conference === 'East' ? 'East' : 'West'} ` : ''}first round` : `the ${where}${round === 'Conference Finals' ? 'Finals' : 'Semifinals'}`;
}

function seriesSentence(s: SnapshotSeries): string {
  const winner = teamByAbbreviation(s.winner);
  const loser = teamByAbbreviation(s.loser);
  return `the ${winner.nickname} beat the ${loser.nickname} ${s.result}${s.result === '4-0' ? ' (a sweep)' : s.result === '4-3' ? ' in seven games' : ''} in ${roundName(s.round, s.conference)}`;
}

function capitalise(text: string): string {
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
    const via = team.seed > 6 ? `reached the playoffs through the play-in as the No. ${team.playoffSeed} seed` : `made the playoffs as the No. ${team.playoffSeed} seed`;
    return `${name} ${via} and were eliminated ${lost.result} by the ${teamByAbbreviation(lost.winner).nickname} in ${roundName(lost.round, lost.conference)}.`;
  }
  if (team.seed >= 7 && team.seed <= 10) return `${name} lost in the play-in tournament and missed the playoffs.`;
  return `${name} missed the playoffs (${ordinal(team.seed)} in the ${conferenceName(team.conference)}, outside the play-in places).`;
}

function playIn(team: SnapshotTeam): string | undefined {
  const games = SNAPSHOT.playIn.filter((g) => g.winner === team.abbreviation || g.loser === team.abbreviation);
  if (!games.length) return undefined;
  const described = games.map((g) => {
    const other = teamByAbbreviation(g.winner === team.abbreviation ? g.loser : g.winner);
    const won = g.winner === team.abbreviation;
    const stake = g.game === '7v8' ? 'the 7-versus-8 game' : g.game === '9v10' ? 'the 9-versus-10 game' : 'the final play-in game';
    return `${won ? 'beat' : 'lost to'} the ${other.nickname} in ${stake}`;
  });
  return `In the play-in, the ${team.nickname} ${list(described)}.`;
}

const AWARD_NAMES: Record<AwardKey, string> = {
  mvp: 'Most Valuable Player',
  finalsMvp: 'NBA Finals MVP',
  rookieOfTheYear: 'Rookie of the Year',
  defensivePlayerOfTheYear: 'Defensive Player of the Year',
  sixthMan: 'Sixth Man of the Year',
  mostImproved: 'Most Improved Player',
  coachOfTheYear: 'Coach of the Year',
  clutchPlayer: 'Clutch Player of the Year',
  eastFinalsMvp: 'Eastern Conference Finals MVP',
  westFinalsMvp: 'Western Conference Finals MVP',
};

function awardSentence(key: AwardKey): string {
  const award = SNAPSHOT.awards[key];
  const team = teamByAbbreviation(award.team);
  const who = key === 'coachOfTheYear' ? `${award.player}, head coach of the ${fullName(team)}` : `${award.player} of the ${fullName(team)}`;
  return `${who} won ${AWARD_NAMES[key]} for ${SEASON}.`;
}

function awardsOf(name: string): AwardKey[] {
  return (Object.keys(SNAPSHOT.awards) as AwardKey[]).filter((k) => SNAPSHOT.awards[k].player === name);
}

function teamSummary(team: SnapshotTeam, pct: string): string {
  return paragraphs(
    `The ${fullName(team)} finished the ${SEASON} regular season ${record(team)}, a ${pct} winning percentage, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`,
    seasonOutcome(team),
    playIn(team),
  );
}

function teamAnswer(q: Question, facts: Facts, pct: string | undefined): string {
  const teams = facts.teams;
  if (!teams.length) return helpAnswer(q, 'Which team do you mean? Name one and I will give its record, seed and playoff result.');
  if (teams.length > 1) {
    return paragraphs(`Here are their ${SEASON} regular seasons:\n${teams.map((t) => `- ${fullName(t)}: ${recordPct(t)}, ${ordinal(t.seed)} in the ${t.conference}`).join('\n')}`);
  }
  const team = teams[0]!;
  const where = `${ordinal(team.seed)} in the ${conferenceName(team.conference)}`;
  switch (q.facet) {
    case 'wins':
      return paragraphs(`The ${fullName(team)} won ${team.wins} games in the ${SEASON} regular season (${record(team)}), finishing ${where}.`, seasonOutcome(team));
    case 'losses':
      return paragraphs(`The ${fullName(team)} lost ${team.losses} games in the ${SEASON} regular season (${record(team)}), finishing ${where}.`, seasonOutcome(team));
    case 'seed': {
      const bracket = team.playoffSeed === null ? 'They did not reach the playoffs.' : team.playoffSeed === team.seed ? `They were the No. ${team.playoffSeed} seed in the playoffs.` : `After the play-in they were the No. ${team.playoffSeed} seed in the playoffs.`;
      return paragraphs(`The ${fullName(team)} finished ${where} at ${record(team)}. ${bracket}`, seasonOutcome(team));
    }
    case 'pct':
      return paragraphs(`The ${possessive(fullName(team))} winning percentage was ${pct ?? calculateWinPercentage(team.wins, team.losses)} (${record(team)}), ${where}.`, seasonOutcome(team));
    case 'record':
      return paragraphs(`The ${fullName(team)} went ${record(team)} in the ${SEASON} regular season, a ${pct ?? calculateWinPercentage(team.wins, team.losses)} winning percentage, ${where}.`, seasonOutcome(team));
    default:
      return teamSummary(team, pct ?? calculateWinPercentage(team.wins, team.losses));
  }
}

function statedRecordAnswer(q: Question, facts: Facts, pct: string): string {
  const stated = q.record ?? { wins: 0, losses: 0 };
  const rec = `${stated.wins}-${stated.losses}`;
  const team = facts.teams[0];
  const pool = q.conference ? conferenceTeams(q.conference) : [...SNAPSHOT.teams];
  const others = byRecord(pool.filter((t) => t !== team));
  const ratio = stated.wins + stated.losses === 0 ? 0 : stated.wins / (stated.wins + stated.losses);
  const better = others.filter((t) => t.wins / 82 > ratio);
  const above = better.at(-1);
  const below = others[better.length];
  const where = q.conference ? `the ${conferenceName(q.conference)}` : 'the league';
  const neighbours = above && below ? `, between the ${above.nickname} (${record(above)}) and the ${below.nickname} (${record(below)})` : above ? `, below every team, just under the ${above.nickname} (${record(above)})` : below ? `, ahead of every team, including the ${below.nickname} (${record(below)})` : '';
  const rank = `In the ${SEASON} standings, that would rank ${ordinal(better.length + 1)} of ${others.length + 1} in ${where}${neighbours}.`;
  if (!team) return paragraphs(`A ${rec} record works out to a ${pct} winning percentage.`, rank);
  const same = team.wins === stated.wins && team.losses === stated.losses;
  const first = q.teamsFromContext
    ? `Using the ${rec} record from earlier in this conversation, the ${possessive(team.nickname)} winning percentage is ${pct}.`
    : `The ${team.nickname} went ${rec}, which works out to a ${pct} winning percentage.`;
  const context = same
    ? `That matches their final ${SEASON} record, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`
    : `For context, the snapshot has the ${team.nickname} finishing ${SEASON} at ${recordPct(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`;
  return paragraphs(first, q.teamsFromContext ? rank : undefined, context);
}

function leaderAnswer(q: Question, facts: Facts): string {
  const where = q.conference ? `the ${conferenceName(q.conference)}` : 'the NBA';
  const adjective = q.extreme === 'worst' ? 'worst' : 'best';
  const [first, ...rest] = facts.teams;
  if (!first) return helpAnswer(q);
  if (q.position) {
    const tiedWith = conferenceTeams(q.conference).filter((t) => t !== first && t.wins === first.wins);
    return paragraphs(
      `The ${fullName(first)} had the ${ordinal(q.position)}-${adjective} record in ${where} in ${SEASON} at ${recordPct(first)}${tiedWith.length ? ` (tied on record with the ${list(tiedWith.map((t) => t.nickname))}; tie-breakers set the order)` : ''}.`,
      seasonOutcome(first),
    );
  }
  if ((q.count ?? 1) > 1 || rest.length) {
    const count = q.count ?? 1;
    const extra = facts.teams.length > count ? ` (${facts.teams.length} teams, because of a tie at ${record(facts.teams.at(-1)!)})` : '';
    const heading = count > 1 ? `The ${count} ${adjective} records in ${where} in ${SEASON}${extra}:` : `The ${adjective} record in ${where} in ${SEASON} was shared:`;
    return paragraphs(`${heading}\n${facts.teams.map((t, i) => `${i + 1}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`);
  }
  return paragraphs(
    `The ${fullName(first)} had the ${adjective} record in ${where} in ${SEASON} at ${recordPct(first)}${q.conference ? '' : `, ${ordinal(first.seed)} in the ${conferenceName(first.conference)}`}.`,
    seasonOutcome(first),
  );
}

function seedAnswer(q: Question, facts: Facts): string {
  const seed = q.seed ?? 1;
  const lines = facts.teams.map((t) =>
    t.seed === seed
      ? `In the ${conferenceName(t.conference)}, the ${fullName(t)} finished ${ordinal(seed)} at ${record(t)}${t.playoffSeed !== null && t.playoffSeed !== seed ? ` (No. ${t.playoffSeed} seed in the playoffs after the play-in)` : t.playoffSeed === null ? ' and did not reach the playoffs' : ''}.`
      : `After the play-in, the No. ${seed} playoff seed in the ${conferenceName(t.conference)} was the ${fullName(t)} (${record(t)}).`,
  );
  return paragraphs(lines.join(' '));
}

function standingsAnswer(q: Question, facts: Facts): string {
  if (!q.conference) {
    const east = conferenceTeams('East');
    const west = conferenceTeams('West');
    return paragraphs(
      `The ${fullName(west[0]!)} had the best record in the league at ${recordPct(west[0]!)}, and the ${fullName(east[0]!)} led the East at ${recordPct(east[0]!)}.`,
      `Eastern Conference, top eight:\n${east.slice(0, 8).map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`,
      `Western Conference, top eight:\n${west.slice(0, 8).map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`,
    );
  }
  const name = conferenceName(q.conference);
  const teams = facts.teams;
  const advanced = teams.filter((t) => t.seed >= 7 && t.seed <= 10 && t.playoffSeed !== null).map((t) => t.nickname);
  return paragraphs(
    `The ${fullName(teams[0]!)} finished first in the ${name} at ${recordPct(teams[0]!)}.`,
    `Final ${name} standings:\n${teams.map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`,
    `Seeds 7 to 10 went to the play-in tournament, where the ${list(advanced)} earned the last two playoff spots.`,
  );
}

function sameRecordAnswer(q: Question, facts: Facts): string {
  const wc = q.winCount;
  const what = q.pctStated
    ? `at ${q.pctStated}`
    : q.record && wc
      ? `${q.record.wins}-${q.record.losses} or ${wc.atLeast ? 'better' : 'worse'}`
      : q.record
      ? `${q.record.wins}-${q.record.losses}`
      : wc?.wins !== undefined
        ? `with ${wc.wins}${wc.atLeast ? ' or more' : wc.atMost ? ' or fewer' : ''} wins`
        : `with ${wc?.losses} losses`;
  const where = q.conference ? ` in the ${conferenceName(q.conference)}` : '';
  if (!facts.teams.length) {
    const closest = byRecord(conferenceTeams(q.conference)).filter((t) => Math.abs(t.wins - (q.record?.wins ?? q.winCount?.wins ?? 82 - (q.winCount?.losses ?? 0))) <= 1);
    return paragraphs(`No team finished ${what}${where} in ${SEASON}.`, closest.length ? `Closest: ${list(closest.map((t) => `the ${fullName(t)} (${record(t)})`))}.` : undefined);
  }
  const showRecord = Boolean(wc?.atLeast || wc?.atMost || q.pctStated);
  const seeds = (showRecord ? byRecord(facts.teams) : facts.teams).map((t) => `the ${fullName(t)} (${showRecord ? `${record(t)}, ` : ''}${ordinal(t.seed)} in the ${t.conference})`);
  const tie = facts.teams.length > 1 && ((q.record && !wc) || q.pctStated || (wc && !wc.atLeast && !wc.atMost)) ? ' Tie-breakers decided the order among them.' : '';
  return paragraphs(`${facts.teams.length} team${facts.teams.length > 1 ? 's' : ''} finished ${what}${where} in ${SEASON}: ${list(seeds)}.${tie}`);
}

function compareAnswer(facts: Facts): string {
  const [top, ...rest] = facts.teams;
  const headToHead = /\b(?:record against|against each other|head[- ]to[- ]head|season series|regular[- ]season series|games against)\b/i.test(facts.question.text)
    ? 'Head-to-head regular-season results are not in my offline snapshot; here is how their seasons compare.'
    : undefined;
  if (!top) return paragraphs('Name two teams and I will compare their records.');
  const lines = facts.teams.map((t) => `- ${fullName(t)}: ${recordPct(t)}, ${ordinal(t.seed)} in the ${t.conference}. ${seasonOutcome(t)}`);
  const tied = rest.filter((t) => t.wins === top.wins);
  const lead = tied.length
    ? `The ${list([top, ...tied].map((t) => t.nickname))} finished with the same record, ${record(top)}; tie-breakers put the ${top.nickname} ahead.`
    : `The ${fullName(top)} had the ${rest.length === 1 ? 'better' : 'best'} record at ${record(top)}${rest.length === 1 ? `, ${top.wins - rest[0]!.wins} more win${top.wins - rest[0]!.wins === 1 ? '' : 's'} than the ${rest[0]!.nickname} (${record(rest[0]!)})` : ''}.`;
  const met = rest.map((t) => SNAPSHOT.playoffs.find((s) => [s.winner, s.loser].includes(t.abbreviation) && [s.winner, s.loser].includes(top.abbreviation))).find(Boolean);
  return paragraphs(headToHead, lead, lines.join('\n'), met ? `They met in the playoffs: ${seriesSentence(met)}.` : undefined);
}

function missedPlayoffsAnswer(q: Question, facts: Facts): string {
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  return paragraphs(
    `${facts.teams.length} teams missed the ${SEASON} playoffs${q.conference ? ` in the ${conferenceName(q.conference)}` : ''}; those seeded 9th and 10th, and the loser of the final play-in game, went out in the play-in.`,
    ...conferences.map((c) => `${conferenceName(c)}:\n${facts.teams.filter((t) => t.conference === c).map((t) => `${t.seed}. ${fullName(t)} (${record(t)})${t.seed <= 10 ? ', lost in the play-in' : ''}`).join('\n')}`),
  );
}

function playoffTeamsAnswer(q: Question, facts: Facts): string {
  if (q.facet === 'loser') return missedPlayoffsAnswer(q, facts);
  if (q.winCount) {
    const kind = q.winCount.atMost ? 'a losing record' : 'a winning record';
    return paragraphs(
      facts.teams.length
        ? `${facts.teams.length} team${facts.teams.length === 1 ? '' : 's'} made the ${SEASON} playoffs with ${kind}: ${list(facts.teams.map((t) => `the ${fullName(t)} (${record(t)}, No. ${t.playoffSeed} seed in the ${t.conference}${t.seed > 6 ? ', through the play-in' : ''})`))}.`
        : `No team made the ${SEASON} playoffs with ${kind}.`,
    );
  }
  const byConference = (c: Conference) => facts.teams.filter((t) => t.conference === c).map((t) => `${t.playoffSeed}. ${fullName(t)} (${record(t)})`).join('\n');
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  return paragraphs(
    `${q.conference ? 'Eight' : 'Sixteen'} teams made the ${SEASON} playoffs${q.conference ? ` from the ${conferenceName(q.conference)}` : ''}; seeds 7 and 8 came through the play-in.`,
    ...conferences.map((c) => `${conferenceName(c)} playoff seeds:\n${byConference(c)}`),
  );
}

function playInAnswer(q: Question, facts: Facts): string {
  if (q.teams.length) {
    const team = q.teams[0]!;
    return paragraphs(playIn(team) ?? `The ${fullName(team)} were not in the play-in: they finished ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`, seasonOutcome(team));
  }
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  return paragraphs(
    ...conferences.map((c) => {
      const games = SNAPSHOT.playIn.filter((g) => g.conference === c);
      const text = games.map((g) => {
        const w = teamByAbbreviation(g.winner).nickname;
        const l = teamByAbbreviation(g.loser).nickname;
        return g.game === '7v8' ? `the ${w} beat the ${l} for the 7 seed` : g.game === '9v10' ? `the ${w} eliminated the ${l}` : `the ${w} beat the ${l} for the 8 seed`;
      });
      const seeded = facts.teams.filter((t) => t.conference === c).map((t) => `${t.nickname} (${record(t)})`);
      return `${conferenceName(c)} play-in (${list(seeded)}): ${list(text)}.`;
    }),
  );
}

function pathAnswer(q: Question, facts: Facts): string {
  const team = q.teams[0];
  if (!team) return helpAnswer(q, 'Which team do you mean?');
  const all = seriesOf(team);
  if (!all.length) {
    return paragraphs(`The ${fullName(team)} did not make the ${SEASON} playoffs (${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}), so they had no playoff series.`, playIn(team) ?? seasonOutcome(team));
  }
  const lost = all.find((s) => s.loser === team.abbreviation);
  const wins = all.filter((s) => s.winner === team.abbreviation);
  const describe = (s: SnapshotSeries) => {
    const won = s.winner === team.abbreviation;
    const other = teamByAbbreviation(won ? s.loser : s.winner);
    return `${roundName(s.round, s.conference)}: ${won ? 'beat' : 'lost to'} the ${fullName(other)} ${s.result}`;
  };
  if (q.round && q.round !== 'NBA Finals') {
    const inRound = facts.series[0];
    if (!inRound) {
      const out = lost ? `they were eliminated earlier, ${lost.result} by the ${teamByAbbreviation(lost.winner).nickname} in ${roundName(lost.round, lost.conference)}.` : 'they did not play in it.';
      return paragraphs(`The ${fullName(team)} did not reach ${roundName(q.round, team.conference)}: ${out}`);
    }
    const won = inRound.winner === team.abbreviation;
    const other = teamByAbbreviation(won ? inRound.loser : inRound.winner);
    return paragraphs(
      `In ${roundName(inRound.round, inRound.conference)}, the ${fullName(team)} ${won ? 'beat' : 'lost to'} the ${fullName(other)}, ${inRound.result}.`,
      seasonOutcome(team),
    );
  }
  if (q.round === 'NBA Finals') {
    const finals = all.find((s) => s.round === 'NBA Finals');
    const yesNo = /^\s*(?:did|do|does|were|was|are|is|have|has)\b/i.test(q.text);
    if (!finals) return paragraphs(`${yesNo ? 'No, the' : 'The'} ${fullName(team)} did not reach the ${SEASON} NBA Finals.`, seasonOutcome(team));
    return paragraphs(
      finals.winner === team.abbreviation
        ? `${yesNo ? 'Yes: the' : 'The'} ${fullName(team)} won the ${SEASON} NBA Finals, beating the ${fullName(teamByAbbreviation(finals.loser))} ${finals.result}.`
        : `The ${fullName(team)} reached the ${SEASON} NBA Finals and lost ${finals.result} to the ${teamByAbbreviation(finals.winner).nickname}.`,
      `Their path: ${all.map(describe).join('; ')}.`,
    );
  }
  if (q.facet === 'eliminatedBy') {
    if (!lost) return paragraphs(`Nobody eliminated the ${fullName(team)}: they won the ${SEASON} championship.`, `Their path: ${all.map(describe).join('; ')}.`);
    return paragraphs(
      `The ${fullName(lost.winner === team.abbreviation ? team : teamByAbbreviation(lost.winner))} eliminated the ${team.nickname}, ${lost.result} in ${roundName(lost.round, lost.conference)}.`,
      `The ${possessive(team.nickname)} playoffs: ${all.map(describe).join('; ')}.`,
    );
  }
  if (q.facet === 'beat') {
    if (!wins.length) return paragraphs(`The ${fullName(team)} did not win a playoff series in ${SEASON}: ${describe(lost!).replace(/^./, (c) => c.toLowerCase())}.`);
    return paragraphs(`The ${fullName(team)} beat ${list(wins.map((s) => `the ${teamByAbbreviation(s.loser).nickname} ${s.result} in ${roundName(s.round, s.conference)}`))}.`, seasonOutcome(team));
  }
  if (q.facet === 'madePlayoffs') {
    const how = team.seed > 6 ? `through the play-in, as the No. ${team.playoffSeed} seed` : `as the No. ${team.playoffSeed} seed`;
    const yes = /^\s*(?:did|do|does|were|was|are|is|have|has)\b/i.test(q.text) ? 'Yes, the' : 'The';
    return paragraphs(`${yes} ${fullName(team)} made the ${SEASON} playoffs ${how} (${record(team)} in the regular season).`, seasonOutcome(team));
  }
  const games = all.reduce(
    (sum, s) => {
      const [w, l] = s.result.split('-').map(Number) as [number, number];
      return s.winner === team.abbreviation ? { won: sum.won + w, lost: sum.lost + l } : { won: sum.won + l, lost: sum.lost + w };
    },
    { won: 0, lost: 0 },
  );
  return paragraphs(
    `The ${possessive(fullName(team))} ${SEASON} playoff run (No. ${team.playoffSeed} seed, ${record(team)}):\n${all.map((s) => `- ${capitalise(describe(s))}`).join('\n')}`,
    `In all they won ${games.won} playoff games and lost ${games.lost}. ${seasonOutcome(team)}`,
  );
}

function roundAnswer(q: Question, facts: Facts): string {
  const round = q.round ?? 'First Round';
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  if (q.seriesLength) {
    const lines = facts.series.map((s) => `- ${capitalise(seriesSentence(s))}`);
    const what = q.seriesLength === 4 ? 'were sweeps (4-0)' : `went ${q.seriesLength} games`;
    return paragraphs(lines.length ? `${lines.length} series of the ${SEASON} playoffs ${what}:\n${lines.join('\n')}` : `No series of the ${SEASON} playoffs ${what}.`);
  }
  const blocks = conferences.map((c) => {
    const lines = facts.series.filter((s) => s.conference === c).map((s) => `- ${capitalise(seriesSentence(s).replace(/ in the .*$/, ''))}`);
    return `${conferenceName(c)} ${round === 'Conference Finals' ? 'Finals' : round === 'Conference Semifinals' ? 'Semifinals' : 'first round'}:\n${lines.join('\n')}`;
  });
  return paragraphs(`Results of the ${SEASON} ${round === 'First Round' ? 'first round' : round === 'Conference Semifinals' ? 'conference semifinals' : 'conference finals'}${q.conference ? ` in the ${q.conference}` : ''}:`, ...blocks);
}

function seriesAnswer(q: Question, facts: Facts): string {
  const s = facts.series[0];
  if (!s) {
    if (q.teams.length >= 2) {
      const [a, b] = q.teams;
      return paragraphs(`The ${fullName(a!)} and the ${fullName(b!)} did not meet in the ${SEASON} playoffs.`, ...q.teams.map(seasonOutcome));
    }
    return helpAnswer(q, 'Which series do you mean? Name the two teams or the round.');
  }
  const winner = teamByAbbreviation(s.winner);
  const loser = teamByAbbreviation(s.loser);
  const games = s.result.split('-').map(Number).reduce((a, b) => a + b, 0);
  if (q.facet === 'length') return paragraphs(`That series went ${games} games: the ${winner.nickname} beat the ${loser.nickname} ${s.result} in ${roundName(s.round, s.conference)}.`);
  return paragraphs(`The ${fullName(winner)} won the series against the ${fullName(loser)}, ${s.result}, in ${roundName(s.round, s.conference)} (${games} games).`, seasonOutcome(loser));
}

function finalsAnswer(q: Question): string {
  const { finals } = SNAPSHOT;
  const champion = teamByAbbreviation(finals.champion);
  const runnerUp = teamByAbbreviation(finals.runnerUp);
  const clincher = finals.clinchingGame;
  switch (q.facet) {
    case 'game': {
      const game = finals.games.find((g) => g.game === q.game);
      if (!game) return paragraphs(`The ${SEASON} Finals went ${finals.games.length} games; there was no Game ${q.game}.`);
      const winner = teamByAbbreviation(game.winner);
      const before = finals.games.filter((g) => g.game <= game.game);
      const okc = before.filter((g) => g.winner === champion.abbreviation).length;
      const ind = before.length - okc;
      const standing = okc === ind ? `tying the series ${okc}-${ind}` : `${okc > ind ? `the ${champion.nickname}` : `the ${runnerUp.nickname}`} ${game.game === 7 ? 'won the series' : 'led the series'} ${Math.max(okc, ind)}-${Math.min(okc, ind)}`;
      return paragraphs(`Game ${game.game} of the ${SEASON} NBA Finals (${game.date}): the ${fullName(winner)} won ${game.score}; after it, ${standing}.`);
    }
    case 'score':
      return paragraphs(
        `The ${SEASON} NBA Finals ended with Game ${clincher.game} on ${clincher.date}: the ${fullName(champion)} beat the ${fullName(runnerUp)} ${clincher.score} to win the series ${finals.result}.`,
        `Game by game: ${finals.games.map((g) => `Game ${g.game} ${teamByAbbreviation(g.winner).nickname} ${g.score}`).join('; ')}.`,
      );
    case 'length':
      return paragraphs(`The ${SEASON} NBA Finals went the full seven games: the ${champion.nickname} beat the ${runnerUp.nickname} ${finals.result}, clinching Game ${clincher.game} ${clincher.score} on ${clincher.date}.`);
    case 'loser':
      return paragraphs(`The ${fullName(runnerUp)} lost the ${SEASON} NBA Finals ${finals.result} to the ${fullName(champion)}, falling ${clincher.score} in Game ${clincher.game}.`, `The ${runnerUp.nickname} had finished ${ordinal(runnerUp.seed)} in the East at ${record(runnerUp)}.`);
    case 'mvp': {
      const same = finals.finalsMvp.player === SNAPSHOT.awards.mvp.player;
      return paragraphs(`${finals.finalsMvp.player} of the ${fullName(champion)} was the ${SEASON} NBA Finals MVP, as the ${champion.nickname} beat the ${runnerUp.nickname} ${finals.result}.`, same ? `He was also the regular-season MVP.` : undefined);
    }
    default: {
      const east = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === 'East');
      const west = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === 'West');
      return paragraphs(
        `The ${fullName(champion)} won the ${SEASON} NBA championship, beating the ${fullName(runnerUp)} ${finals.result} in the NBA Finals.`,
        `The series went the distance: the ${champion.nickname} won Game ${clincher.game}, ${clincher.score}, on ${clincher.date}. ${finals.finalsMvp.player} was named Finals MVP${finals.finalsMvp.player === SNAPSHOT.awards.mvp.player ? ', after also winning the regular-season MVP award' : ''}.`,
        east && west ? `To get there, ${seriesSentence(west)}, and ${seriesSentence(east)}.` : undefined,
      );
    }
  }
}

function awardAnswer(q: Question): string {
  const key = q.award ?? 'mvp';
  const award = SNAPSHOT.awards[key];
  const team = teamByAbbreviation(award.team);
  const extra =
    key === 'mvp' ? `He led the ${team.nickname} to the league's best record at ${recordPct(team)}, then to the title, and was also Finals MVP.`
    : `The ${team.nickname} finished ${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`;
  return paragraphs(awardSentence(key), extra);
}

function awardsAnswer(): string {
  const keys = Object.keys(SNAPSHOT.awards) as AwardKey[];
  return paragraphs(`The ${SEASON} awards in the snapshot:\n${keys.map((k) => `- ${AWARD_NAMES[k]}: ${SNAPSHOT.awards[k].player} (${teamByAbbreviation(SNAPSHOT.awards[k].team).nickname})`).join('\n')}`);
}

function playerAnswer(q: Question, facts: Facts): string {
  const player = q.player;
  const team = facts.teams[0];
  if (!player || !team) return helpAnswer(q);
  const traded = player.tradedFrom ? ` He joined them from the ${fullName(teamByAbbreviation(player.tradedFrom.team))} in a ${player.tradedFrom.month} trade.` : '';
  const awards = awardsOf(player.name);
  const askedTeam = q.teamsFromContext ? undefined : q.teams[0];
  const check = askedTeam ? (askedTeam === team ? 'Yes. ' : `No, not at the end of the season. `) : '';
  return paragraphs(
    `${check}${player.name} ended the ${SEASON} regular season with the ${fullName(team)} (${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}).${traded}`,
    awards.length ? `He won ${list(awards.map((k) => AWARD_NAMES[k]))}.` : undefined,
    seasonOutcome(team),
    'Per-player statistics (points, rebounds, assists) are not in the snapshot, so I cannot give his numbers.',
  );
}

const UNSUPPORTED: Record<UnsupportedReason, string> = {
  teamStats: `Team statistics beyond wins and losses (points, ratings, differentials, home and road splits, streaks) are not in my offline snapshot of the ${SEASON} season.`,
  injuries: `Injuries and player availability are not in my offline snapshot of the ${SEASON} season, so I cannot say.`,
  playerStats: 'Per-player statistics (points, rebounds, assists, shooting) are not in my offline snapshot, so I cannot answer that reliably.',
  otherSeason: `My offline snapshot covers only the ${SEASON} NBA season, so I cannot answer about other seasons or all-time records.`,
  afterSnapshot: `My offline snapshot ends on ${SNAPSHOT.asOf}, after the ${SEASON} Finals, so it has no news, injuries, trades, contracts or draft results from after that date.`,
  notInSnapshot: `That is not in my offline snapshot of the ${SEASON} season: it holds team records, seeds, playoff results, the Finals, the season awards and the teams of notable players.`,
};

function unsupportedAnswer(q: Question, facts: Facts): string {
  const reason = q.unsupported ?? 'notInSnapshot';
  const player = q.player;
  const team = facts.teams[0];
  const known = player && team
    ? `What I do know: ${player.name} finished the season with the ${fullName(team)} (${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}).${awardsOf(player.name).length ? ` He won ${list(awardsOf(player.name).map((k) => AWARD_NAMES[k]))}.` : ''} ${seasonOutcome(team)}`
    : team
      ? `What I do know: the ${fullName(team)} went ${record(team)} in ${SEASON}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}. ${seasonOutcome(team)}`
      : `What I can tell you: team records and seeds, best and worst records, comparisons, the play-in, every playoff series, the Finals (OKC beat Indiana 4-3) and the ${SEASON} awards.`;
  return paragraphs(UNSUPPORTED[reason], known);
}

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed;
}

function helpAnswer(q: Question, lead?: string): string {
  return paragraphs(
    lead ?? `I am not sure what "${quote(q.text)}" asks about in the ${SEASON} NBA season.`,
    `I can answer about team records, wins, losses, winning percentages and seeds; the best and worst records; comparisons between teams; who made the playoffs and the play-in; each team's playoff path and every series; the Finals; the season awards; and which team a notable player ended the season with.`,
  );
}

function smalltalkAnswer(q: Question, facts: Facts): string {
  const greeting = /\b(?:hi|hello|hey|yo|good morning|good evening)\b/i.test(q.text);
  const thanks = /\b(?:thank|thx|ty|cheers|appreciate)/i.test(q.text);
  const bye = /\b(?:bye|goodbye)\b/i.test(q.text);
  const about = facts.next.focus[0];
  const start = greeting ? 'Hello!' : thanks ? "You're welcome!" : bye ? 'Goodbye, and enjoy the games!' : 'Got it.';
  const offer = about
    ? `Ask me anything else about the ${SEASON} season, for example how the ${about.nickname} did in the playoffs or how they compare with another team.`
    : `Ask me about the ${SEASON} NBA season: records, standings, the playoffs, the Finals or the awards.`;
  return paragraphs(`${start} ${offer}`);
}

function overviewAnswer(q: Question): string {
  switch (q.topic) {
    case 'eastern':
    case 'western': {
      const conference: Conference = q.topic === 'eastern' ? 'East' : 'West';
      const teams = conferenceTeams(conference);
      const [a, b, c, d] = teams;
      const confFinal = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === conference)!;
      const winner = teamByAbbreviation(confFinal.winner);
      const champion = SNAPSHOT.finals.champion === winner.abbreviation;
      return paragraphs(
        `The ${fullName(a!)} finished first in the ${conferenceName(conference)} at ${recordPct(a!)}, ahead of the ${b!.nickname} (${record(b!)}), the ${c!.nickname} (${record(c!)}) and the ${d!.nickname} (${record(d!)}).`,
        `Final ${conferenceName(conference)} standings, top ten:\n${teams.slice(0, 10).map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`,
        `Seeds 7 to 10 went to the play-in tournament, where the ${list(teams.filter((t) => t.seed >= 7 && t.seed <= 10 && t.playoffSeed !== null).map((t) => t.nickname))} earned the last two playoff spots. The ${teams.at(-1)!.nickname} finished last at ${record(teams.at(-1)!)}.`,
        `In the playoffs, ${seriesSentence(confFinal)}, and then ${champion ? `won the NBA Finals ${SNAPSHOT.finals.result}` : `lost the NBA Finals ${SNAPSHOT.finals.result} to the ${teamByAbbreviation(SNAPSHOT.finals.champion).nickname}`}.`,
      );
    }
    case 'finals':
      return finalsAnswer({ ...q, facet: 'summary' });
    default: {
      const ordered = byRecord(SNAPSHOT.teams);
      const champion = teamByAbbreviation(SNAPSHOT.finals.champion);
      const runnerUp = teamByAbbreviation(SNAPSHOT.finals.runnerUp);
      const eastLeader = conferenceTeams('East')[0]!;
      return paragraphs(
        `The ${SEASON} season belonged to the ${fullName(champion)}: the best record in the league at ${recordPct(champion)}, then the championship, beating the ${fullName(runnerUp)} ${SNAPSHOT.finals.result} in the Finals.`,
        `${SNAPSHOT.awards.mvp.player} won the regular-season MVP award and Finals MVP.`,
        `In the Eastern Conference, the ${fullName(eastLeader)} had the best record at ${recordPct(eastLeader)}, but the ${runnerUp.city} ${runnerUp.nickname} (${ordinal(runnerUp.seed)} seed, ${record(runnerUp)}) won the conference.`,
        `At the bottom, the ${fullName(ordered.at(-1)!)} (${record(ordered.at(-1)!)}) and the ${fullName(ordered.at(-2)!)} (${record(ordered.at(-2)!)}) had the worst records.`,
      );
    }
  }
}

/** The answer text. `pct` is the win-percentage tool's output when `facts.percentageOf` asked for one. */
export function phrase(facts: Facts, pct?: string): string {
  const q = facts.question;
  const percentage = pct ?? (facts.percentageOf ? calculateWinPercentage(facts.percentageOf.wins, facts.percentageOf.losses) : undefined);
  switch (q.kind) {
    case 'overview':
      return overviewAnswer(q);
    case 'smalltalk':
      return smalltalkAnswer(q, facts);
    case 'leader':
      return leaderAnswer(q, facts);
    case 'seed':
      return seedAnswer(q, facts);
    case 'standings':
      return standingsAnswer(q, facts);
    case 'team':
      return teamAnswer(q, facts, percentage);
    case 'statedRecord':
      return statedRecordAnswer(q, facts, percentage ?? '.000');
    case 'sameRecord':
      return sameRecordAnswer(q, facts);
    case 'compare':
      return compareAnswer(facts);
    case 'playoffTeams':
      return playoffTeamsAnswer(q, facts);
    case 'playIn':
      return playInAnswer(q, facts);
    case 'path':
      return pathAnswer(q, facts);
    case 'round':
      return roundAnswer(q, facts);
    case 'series':
      return seriesAnswer(q, facts);
    case 'finals':
      return finalsAnswer(q);
    case 'award':
      return awardAnswer(q);
    case 'awards':
      return awardsAnswer();
    case 'player':
      return playerAnswer(q, facts);
    case 'unsupported':
      return unsupportedAnswer(q, facts);
    case 'help':
      return helpAnswer(q);
  }
}

/** The answer when the win-percentage tool reported an error. */
export function toolErrorAnswer(message: string): string {
  const detail = message.replace(/^Error:\s*/, '');
  return paragraphs(`I could not compute that winning percentage. The calculation reported: ${detail}`);
}

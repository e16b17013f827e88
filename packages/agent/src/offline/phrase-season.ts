/**
 * Phrasing the regular season: a team's record and season, stated records, leaders, seeds, standings, ties,
 * comparisons and the topic overviews.
 */
import { calculateWinPercentage } from '../tools.js';
import type { Facts } from './lookup.js';
import {
  conferenceName,
  fullName,
  helpAnswer,
  list,
  ordinal,
  paragraphs,
  playIn,
  possessive,
  record,
  recordPct,
  SEASON,
  seasonOutcome,
  seriesSentence,
} from './phrase-common.js';
import { finalsAnswer } from './phrase-finals.js';
import type { Question } from './question.js';
import { type Conference, SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import { byRecord, conferenceTeams, playoffGames, teamByAbbreviation } from './snapshot-index.js';

function teamSummary(team: SnapshotTeam, pct: string): string {
  return paragraphs(
    `The ${fullName(team)} finished the ${SEASON} regular season ${record(team)}, a ${pct} winning percentage, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`,
    seasonOutcome(team),
    playIn(team),
  );
}

/** "Was that a winning record?": "Yes, " or "No, " before the record when the question asked for a kind of record. */
function verdict(q: Question, team: SnapshotTeam): string {
  const wc = q.winCount;
  if (!wc || (!wc.atLeast && !wc.atMost)) return '';
  const asked = wc.atLeast ? team.wins > team.losses : team.wins < team.losses;
  return asked ? 'Yes. ' : team.wins === team.losses ? 'No, exactly .500. ' : 'No. ';
}

export function teamAnswer(q: Question, facts: Facts, pct: string | undefined): string {
  const teams = facts.teams;
  if (!teams.length)
    return helpAnswer(q, 'Which team do you mean? Name one and I will give its record, seed and playoff result.');
  if (teams.length > 1) {
    return paragraphs(
      `Here are their ${SEASON} regular seasons:\n${teams.map((t) => `- ${fullName(t)}: ${recordPct(t)}, ${ordinal(t.seed)} in the ${t.conference}`).join('\n')}`,
    );
  }
  const team = teams[0]!;
  const where = `${ordinal(team.seed)} in the ${conferenceName(team.conference)}`;
  switch (q.facet) {
    case 'wins':
      return paragraphs(
        `The ${fullName(team)} won ${team.wins} games in the ${SEASON} regular season (${record(team)}), finishing ${where}.`,
        seasonOutcome(team),
      );
    case 'losses':
      return paragraphs(
        `The ${fullName(team)} lost ${team.losses} games in the ${SEASON} regular season (${record(team)}), finishing ${where}.`,
        seasonOutcome(team),
      );
    case 'seed': {
      const bracket =
        team.playoffSeed === null
          ? 'They did not reach the playoffs.'
          : team.playoffSeed === team.seed
            ? `They were the No. ${team.playoffSeed} seed in the playoffs.`
            : `After the play-in they were the No. ${team.playoffSeed} seed in the playoffs.`;
      return paragraphs(`The ${fullName(team)} finished ${where} at ${record(team)}. ${bracket}`, seasonOutcome(team));
    }
    case 'pct':
      return paragraphs(
        `The ${possessive(fullName(team))} winning percentage was ${pct ?? calculateWinPercentage(team.wins, team.losses)} (${record(team)}), ${where}.`,
        seasonOutcome(team),
      );
    case 'record':
      return paragraphs(
        `${verdict(q, team)}The ${fullName(team)} went ${record(team)} in the ${SEASON} regular season, a ${pct ?? calculateWinPercentage(team.wins, team.losses)} winning percentage, ${where}.`,
        seasonOutcome(team),
      );
    default:
      return teamSummary(team, pct ?? calculateWinPercentage(team.wins, team.losses));
  }
}

export function statedRecordAnswer(q: Question, facts: Facts, pct: string): string {
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
  const neighbours =
    above && below
      ? `, between the ${above.nickname} (${record(above)}) and the ${below.nickname} (${record(below)})`
      : above
        ? `, below every team, just under the ${above.nickname} (${record(above)})`
        : below
          ? `, ahead of every team, including the ${below.nickname} (${record(below)})`
          : '';
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

export function leaderAnswer(q: Question, facts: Facts): string {
  const where = q.conference ? `the ${conferenceName(q.conference)}` : 'the NBA';
  const adjective = q.extreme === 'worst' ? 'worst' : 'best';
  const [first, ...rest] = facts.teams;
  if (!first) return helpAnswer(q);
  if (q.facet === 'playoffGames') {
    const line = (t: SnapshotTeam) => `the ${fullName(t)} ${playoffGames(t).won}-${playoffGames(t).lost}`;
    return paragraphs(
      `The ${fullName(first)} won the most playoff games in ${SEASON}: ${playoffGames(first).won} (${playoffGames(first).won}-${playoffGames(first).lost}). Next: ${list(rest.map(line))}.`,
      seasonOutcome(first),
    );
  }
  if (q.claim) {
    const claim = q.claim;
    const yes = claim === first;
    return paragraphs(
      `${yes ? 'Yes' : 'No'}: the ${fullName(first)} had the ${adjective} record in ${where} in ${SEASON} at ${recordPct(first)}.`,
      yes
        ? seasonOutcome(first)
        : `The ${fullName(claim)} finished ${recordPct(claim)}, ${ordinal(claim.seed)} in the ${conferenceName(claim.conference)}.`,
    );
  }
  if (q.bothExtremes) {
    const last = facts.teams[1];
    return paragraphs(
      `The ${fullName(first)} had the best record in ${where} in ${SEASON} at ${recordPct(first)}${last ? `, and the ${fullName(last)} the worst at ${recordPct(last)}` : ''}.`,
      seasonOutcome(first),
      last && seasonOutcome(last),
    );
  }
  if (q.position) {
    const tiedWith = conferenceTeams(q.conference).filter((t) => t !== first && t.wins === first.wins);
    return paragraphs(
      `The ${fullName(first)} had the ${ordinal(q.position)}-${adjective} record in ${where} in ${SEASON} at ${recordPct(first)}${tiedWith.length ? ` (tied on record with the ${list(tiedWith.map((t) => t.nickname))}; tie-breakers set the order)` : ''}.`,
      seasonOutcome(first),
    );
  }
  if ((q.count ?? 1) > 1 || rest.length) {
    const count = q.count ?? 1;
    const extra =
      facts.teams.length > count
        ? ` (${facts.teams.length} teams, because of a tie at ${record(facts.teams.at(-1)!)})`
        : '';
    const heading =
      q.facet === 'seed'
        ? `The ${q.extreme === 'worst' ? 'bottom' : 'top'} ${count} in ${where} in ${SEASON}, by seed:`
        : count > 1
          ? `The ${count} ${adjective} records in ${where} in ${SEASON}${extra}:`
          : `The ${adjective} record in ${where} in ${SEASON} was shared:`;
    return paragraphs(
      `${heading}\n${facts.teams.map((t, i) => `${q.facet === 'seed' ? t.seed : i + 1}. ${fullName(t)} ${recordPct(t)}`).join('\n')}`,
    );
  }
  return paragraphs(
    `The ${fullName(first)} had the ${adjective} record in ${where} in ${SEASON} at ${recordPct(first)}${q.conference ? '' : `, ${ordinal(first.seed)} in the ${conferenceName(first.conference)}`}.`,
    seasonOutcome(first),
  );
}

export function seedAnswer(q: Question, facts: Facts): string {
  const seed = q.seed ?? 1;
  const lines = facts.teams.map((t) =>
    t.seed === seed
      ? `In the ${conferenceName(t.conference)}, the ${fullName(t)} finished ${ordinal(seed)} at ${record(t)}${t.playoffSeed !== null && t.playoffSeed !== seed ? ` (No. ${t.playoffSeed} seed in the playoffs after the play-in)` : t.playoffSeed === null ? ' and did not reach the playoffs' : ''}.`
      : `After the play-in, the No. ${seed} playoff seed in the ${conferenceName(t.conference)} was the ${fullName(t)} (${record(t)}).`,
  );
  return paragraphs(lines.join(' '));
}

export function standingsAnswer(q: Question, facts: Facts): string {
  if (!q.conference) {
    const east = conferenceTeams('East');
    const west = conferenceTeams('West');
    return paragraphs(
      `The ${fullName(west[0]!)} had the best record in the league at ${recordPct(west[0]!)}, and the ${fullName(east[0]!)} led the East at ${recordPct(east[0]!)}.`,
      `Eastern Conference, top eight:\n${east
        .slice(0, 8)
        .map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`)
        .join('\n')}`,
      `Western Conference, top eight:\n${west
        .slice(0, 8)
        .map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`)
        .join('\n')}`,
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

export function sameRecordAnswer(q: Question, facts: Facts): string {
  const wc = q.winCount;
  const what = q.pctStated
    ? `at ${q.pctStated}`
    : q.record && wc
      ? `${q.record.wins}-${q.record.losses} or ${wc.atLeast ? 'better' : 'worse'}`
      : q.record
        ? `${q.record.wins}-${q.record.losses}`
        : wc?.wins !== undefined
          ? wc.upTo !== undefined
            ? `with between ${wc.wins} and ${wc.upTo} wins`
            : `with ${wc.wins}${wc.atLeast ? ' or more' : wc.atMost ? ' or fewer' : ''} wins`
          : `with ${wc?.losses} losses`;
  const where = q.conference ? ` in the ${conferenceName(q.conference)}` : '';
  if (!facts.teams.length) {
    const closest = byRecord(conferenceTeams(q.conference)).filter(
      (t) => Math.abs(t.wins - (q.record?.wins ?? q.winCount?.wins ?? 82 - (q.winCount?.losses ?? 0))) <= 1,
    );
    return paragraphs(
      `No team finished ${what}${where} in ${SEASON}.`,
      closest.length ? `Closest: ${list(closest.map((t) => `the ${fullName(t)} (${record(t)})`))}.` : undefined,
    );
  }
  const showRecord = Boolean(wc?.atLeast || wc?.atMost || q.pctStated);
  const seeds = (showRecord ? byRecord(facts.teams) : facts.teams).map(
    (t) => `the ${fullName(t)} (${showRecord ? `${record(t)}, ` : ''}${ordinal(t.seed)} in the ${t.conference})`,
  );
  const tie =
    facts.teams.length > 1 && ((q.record && !wc) || q.pctStated || (wc && !wc.atLeast && !wc.atMost))
      ? ' Tie-breakers decided the order among them.'
      : '';
  return paragraphs(
    `${facts.teams.length} team${facts.teams.length > 1 ? 's' : ''} finished ${what}${where} in ${SEASON}: ${list(seeds)}.${tie}`,
  );
}

export function overviewAnswer(q: Question): string {
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
        `Final ${conferenceName(conference)} standings, top ten:\n${teams
          .slice(0, 10)
          .map((t) => `${t.seed}. ${fullName(t)} ${recordPct(t)}`)
          .join('\n')}`,
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

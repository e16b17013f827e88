/**
 * Phrasing the postseason: who made or missed the playoffs, the play-in, a team's path, rounds, series and the Finals.
 */
import type { Facts } from './lookup.js';
import {
  capitalise,
  conferenceName,
  fullName,
  helpAnswer,
  list,
  ordinal,
  paragraphs,
  playIn,
  possessive,
  record,
  roundName,
  SEASON,
  seasonOutcome,
  seriesSentence,
} from './phrase-common.js';
import type { Question } from './question.js';
import { type Conference, SNAPSHOT, type SnapshotSeries } from './snapshot-2024-25.js';
import { playoffGames, seriesOf, teamByAbbreviation } from './snapshot-index.js';

function missedPlayoffsAnswer(q: Question, facts: Facts): string {
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  return paragraphs(
    `${facts.teams.length} teams missed the ${SEASON} playoffs${q.conference ? ` in the ${conferenceName(q.conference)}` : ''}; those seeded 9th and 10th, and the loser of the final play-in game, went out in the play-in.`,
    ...conferences.map(
      (c) =>
        `${conferenceName(c)}:\n${facts.teams
          .filter((t) => t.conference === c)
          .map((t) => `${t.seed}. ${fullName(t)} (${record(t)})${t.seed <= 10 ? ', lost in the play-in' : ''}`)
          .join('\n')}`,
    ),
  );
}

export function playoffTeamsAnswer(q: Question, facts: Facts): string {
  if (q.facet === 'loser') return missedPlayoffsAnswer(q, facts);
  if (q.winCount) {
    const kind = q.winCount.atMost ? 'a losing record' : 'a winning record';
    return paragraphs(
      facts.teams.length
        ? `${facts.teams.length} team${facts.teams.length === 1 ? '' : 's'} made the ${SEASON} playoffs with ${kind}: ${list(facts.teams.map((t) => `the ${fullName(t)} (${record(t)}, No. ${t.playoffSeed} seed in the ${t.conference}${t.seed > 6 ? ', through the play-in' : ''})`))}.`
        : `No team made the ${SEASON} playoffs with ${kind}.`,
    );
  }
  const byConference = (c: Conference) =>
    facts.teams
      .filter((t) => t.conference === c)
      .map((t) => `${t.playoffSeed}. ${fullName(t)} (${record(t)})`)
      .join('\n');
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  return paragraphs(
    `${q.conference ? 'Eight' : 'Sixteen'} teams made the ${SEASON} playoffs${q.conference ? ` from the ${conferenceName(q.conference)}` : ''}; seeds 7 and 8 came through the play-in.`,
    ...conferences.map((c) => `${conferenceName(c)} playoff seeds:\n${byConference(c)}`),
  );
}

const PLAY_IN_STAKES = {
  '7v8': { name: 'the 7-versus-8 game', winner: 'took the No. 7 seed', loser: 'dropped to the final play-in game' },
  '9v10': { name: 'the 9-versus-10 game', winner: 'went on to the final play-in game', loser: 'was eliminated' },
  final: { name: 'the final play-in game', winner: 'took the No. 8 seed', loser: 'was eliminated' },
} as const;

function playInGameAnswer(q: Question): string {
  const games = SNAPSHOT.playIn.filter(
    (g) => g.game === q.playInGame && (!q.conference || g.conference === q.conference),
  );
  return paragraphs(
    ...games.map((g) => {
      const stake = PLAY_IN_STAKES[g.game];
      const winner = teamByAbbreviation(g.winner);
      const next =
        g.game === '9v10'
          ? SNAPSHOT.playIn.find((f) => f.game === 'final' && f.conference === g.conference)
          : undefined;
      const then = next
        ? ` Then ${next.winner === g.winner ? `the ${winner.nickname} beat the ${teamByAbbreviation(next.loser).nickname}` : `the ${winner.nickname} lost to the ${teamByAbbreviation(next.winner).nickname}`} in the final play-in game${next.winner === g.winner ? ' for the No. 8 seed' : ' and missed the playoffs'}.`
        : '';
      return `In ${stake.name} of the ${conferenceName(g.conference)} play-in, the ${fullName(winner)} beat the ${fullName(teamByAbbreviation(g.loser))}: the winner ${stake.winner}, the loser ${stake.loser}.${then}`;
    }),
  );
}

export function playInAnswer(q: Question, facts: Facts): string {
  if (q.playInGame) return playInGameAnswer(q);
  if (q.teams.length) {
    const team = q.teams[0]!;
    return paragraphs(
      playIn(team) ??
        `The ${fullName(team)} were not in the play-in: they finished ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`,
      seasonOutcome(team),
    );
  }
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  if (q.facet === 'winner')
    return paragraphs(
      ...conferences.map((c) => {
        const through = facts.teams.filter((t) => t.conference === c).sort((a, b) => a.playoffSeed! - b.playoffSeed!);
        return `Out of the ${conferenceName(c)} play-in: ${list(through.map((t) => `the ${fullName(t)} (${ordinal(t.seed)}, ${record(t)}) as the No. ${t.playoffSeed} seed`))}.`;
      }),
    );
  return paragraphs(
    ...conferences.map((c) => {
      const games = SNAPSHOT.playIn.filter((g) => g.conference === c);
      const text = games.map((g) => {
        const w = teamByAbbreviation(g.winner).nickname;
        const l = teamByAbbreviation(g.loser).nickname;
        return g.game === '7v8'
          ? `the ${w} beat the ${l} for the 7 seed`
          : g.game === '9v10'
            ? `the ${w} eliminated the ${l}`
            : `the ${w} beat the ${l} for the 8 seed`;
      });
      const seeded = facts.teams.filter((t) => t.conference === c).map((t) => `${t.nickname} (${record(t)})`);
      return `${conferenceName(c)} play-in (${list(seeded)}): ${list(text)}.`;
    }),
  );
}

export function pathAnswer(q: Question, facts: Facts): string {
  const team = q.teams[0];
  if (!team) return helpAnswer(q, 'Which team do you mean?');
  const all = seriesOf(team);
  if (!all.length) {
    const no = /^\s*(?:did|do|does|were|was|are|is|have|has)\b/i.test(q.text) ? 'No, the' : 'The';
    return paragraphs(
      `${no} ${fullName(team)} did not make the ${SEASON} playoffs (${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}), so they had no playoff series.`,
      playIn(team) ?? seasonOutcome(team),
    );
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
      const out = lost
        ? `they were eliminated earlier, ${lost.result} by the ${teamByAbbreviation(lost.winner).nickname} in ${roundName(lost.round, lost.conference)}.`
        : 'they did not play in it.';
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
    if (!finals)
      return paragraphs(
        `${yesNo ? 'No, the' : 'The'} ${fullName(team)} did not reach the ${SEASON} NBA Finals.`,
        seasonOutcome(team),
      );
    return paragraphs(
      finals.winner === team.abbreviation
        ? `${yesNo ? 'Yes: the' : 'The'} ${fullName(team)} won the ${SEASON} NBA Finals, beating the ${fullName(teamByAbbreviation(finals.loser))} ${finals.result}.`
        : `The ${fullName(team)} reached the ${SEASON} NBA Finals and lost ${finals.result} to the ${teamByAbbreviation(finals.winner).nickname}.`,
      `Their path: ${all.map(describe).join('; ')}.`,
    );
  }
  if (q.facet === 'eliminatedBy') {
    if (!lost)
      return paragraphs(
        `Nobody eliminated the ${fullName(team)}: they won the ${SEASON} championship.`,
        `Their path: ${all.map(describe).join('; ')}.`,
      );
    return paragraphs(
      `The ${fullName(lost.winner === team.abbreviation ? team : teamByAbbreviation(lost.winner))} eliminated the ${team.nickname}, ${lost.result} in ${roundName(lost.round, lost.conference)}.`,
      `The ${possessive(team.nickname)} playoffs: ${all.map(describe).join('; ')}.`,
    );
  }
  if (q.facet === 'beat') {
    if (!wins.length)
      return paragraphs(
        `The ${fullName(team)} did not win a playoff series in ${SEASON}: ${describe(lost!).replace(/^./, (c) => c.toLowerCase())}.`,
      );
    return paragraphs(
      `The ${fullName(team)} beat ${list(wins.map((s) => `the ${teamByAbbreviation(s.loser).nickname} ${s.result} in ${roundName(s.round, s.conference)}`))}.`,
      seasonOutcome(team),
    );
  }
  if (q.facet === 'madePlayoffs') {
    const how =
      team.seed > 6
        ? `through the play-in, as the No. ${team.playoffSeed} seed`
        : `as the No. ${team.playoffSeed} seed`;
    const yes = /^\s*(?:did|do|does|were|was|are|is|have|has)\b/i.test(q.text) ? 'Yes, the' : 'The';
    return paragraphs(
      `${yes} ${fullName(team)} made the ${SEASON} playoffs ${how} (${record(team)} in the regular season).`,
      seasonOutcome(team),
    );
  }
  const games = playoffGames(team);
  return paragraphs(
    `The ${possessive(fullName(team))} ${SEASON} playoff run (No. ${team.playoffSeed} seed, ${record(team)}):\n${all.map((s) => `- ${capitalise(describe(s))}`).join('\n')}`,
    `In all they won ${games.won} playoff games and lost ${games.lost}. ${seasonOutcome(team)}`,
  );
}

export function roundAnswer(q: Question, facts: Facts): string {
  const round = q.round ?? 'First Round';
  const conferences: Conference[] = q.conference ? [q.conference] : ['East', 'West'];
  if (q.seriesLength) {
    const lines = facts.series.map((s) => `- ${capitalise(seriesSentence(s))}`);
    const what = q.seriesLength === 4 ? 'were sweeps (4-0)' : `went ${q.seriesLength} games`;
    const scope = q.round ? roundName(q.round, q.conference ?? null) : `the ${SEASON} playoffs`;
    return paragraphs(
      lines.length
        ? `${lines.length} series of ${scope} ${what}:\n${lines.join('\n')}`
        : `No series of ${scope} ${what}.`,
    );
  }
  if (q.facet === 'winner') {
    const winners = facts.series.map(
      (s) =>
        `the ${fullName(teamByAbbreviation(s.winner))} (${s.result} over the ${teamByAbbreviation(s.loser).nickname})`,
    );
    return paragraphs(
      `${capitalise(list(winners))} won ${roundName(round, facts.series.length === 1 ? facts.series[0]!.conference : null).replace(/^the /, 'their ')} series.`,
    );
  }
  const blocks = conferences.map((c) => {
    const lines = facts.series
      .filter((s) => s.conference === c)
      .map((s) => `- ${capitalise(seriesSentence(s).replace(/ in the .*$/, ''))}`);
    return `${conferenceName(c)} ${round === 'Conference Finals' ? 'Finals' : round === 'Conference Semifinals' ? 'Semifinals' : 'first round'}:\n${lines.join('\n')}`;
  });
  return paragraphs(
    `Results of the ${SEASON} ${round === 'First Round' ? 'first round' : round === 'Conference Semifinals' ? 'conference semifinals' : 'conference finals'}${q.conference ? ` in the ${q.conference}` : ''}:`,
    ...blocks,
  );
}

export function seriesAnswer(q: Question, facts: Facts): string {
  const s = facts.series[0];
  if (!s) {
    if (q.teams.length >= 2) {
      const [a, b] = q.teams;
      return paragraphs(
        `The ${fullName(a!)} and the ${fullName(b!)} did not meet in the ${SEASON} playoffs.`,
        ...q.teams.map(seasonOutcome),
      );
    }
    return helpAnswer(q, 'Which series do you mean? Name the two teams or the round.');
  }
  const winner = teamByAbbreviation(s.winner);
  const loser = teamByAbbreviation(s.loser);
  const games = s.result
    .split('-')
    .map(Number)
    .reduce((a, b) => a + b, 0);
  if (q.facet === 'round')
    return paragraphs(
      `It was ${roundName(s.round, s.conference)}: the ${fullName(winner)} beat the ${fullName(loser)} ${s.result}.`,
    );
  if (q.facet === 'length')
    return paragraphs(
      `That series went ${games} games: the ${winner.nickname} beat the ${loser.nickname} ${s.result} in ${roundName(s.round, s.conference)}.`,
    );
  return paragraphs(
    `The ${fullName(winner)} won the series against the ${fullName(loser)}, ${s.result}, in ${roundName(s.round, s.conference)} (${games} games).`,
    seasonOutcome(loser),
  );
}

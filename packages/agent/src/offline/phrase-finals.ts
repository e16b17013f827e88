/**
 * Phrasing the NBA Finals: the champion, the runner-up, the length, the clinching game, one game, a team's games
 * and the Finals MVP.
 */
import { readNumber } from './entities.js';
import { fullName, list, ordinal, paragraphs, record, SEASON, seriesSentence } from './phrase-common.js';
import type { Question } from './question.js';
import { SNAPSHOT, type SnapshotFinalsGame } from './snapshot-2024-25.js';
import { teamByAbbreviation } from './snapshot-index.js';

function margin(game: SnapshotFinalsGame): number {
  const [a, b] = game.score.split('-').map(Number) as [number, number];
  return a - b;
}

export function finalsAnswer(q: Question): string {
  const { finals } = SNAPSHOT;
  const champion = teamByAbbreviation(finals.champion);
  const runnerUp = teamByAbbreviation(finals.runnerUp);
  const clincher = finals.clinchingGame;
  switch (q.facet) {
    case 'game': {
      const game = finals.games.find((g) => g.game === q.game);
      if (!game)
        return paragraphs(`The ${SEASON} Finals went ${finals.games.length} games; there was no Game ${q.game}.`);
      const winner = teamByAbbreviation(game.winner);
      const before = finals.games.filter((g) => g.game <= game.game);
      const okc = before.filter((g) => g.winner === champion.abbreviation).length;
      const ind = before.length - okc;
      const standing =
        okc === ind
          ? `tying the series ${okc}-${ind}`
          : `${okc > ind ? `the ${champion.nickname}` : `the ${runnerUp.nickname}`} ${game.game === 7 ? 'won the series' : 'led the series'} ${Math.max(okc, ind)}-${Math.min(okc, ind)}`;
      return paragraphs(
        `Game ${game.game} of the ${SEASON} NBA Finals (${game.date}): the ${fullName(winner)} won ${game.score}; after it, ${standing}.`,
      );
    }
    case 'gamesWon': {
      const team = q.teams[0];
      const lost = /\b(?:lose|lost|losses)\b/i.test(q.text);
      const won = team ? finals.games.filter((g) => (g.winner === team.abbreviation) !== lost) : finals.games;
      // "Which game did Indiana win by 17?", "decided by one point", "the closest game": the games by margin.
      const margins = won.map(margin);
      const wanted = /\b(?:closest|tightest|narrowest)\b/i.test(q.text)
        ? Math.min(...margins)
        : /\b(?:biggest|largest|widest|most lopsided|blowout)\b/i.test(q.text)
          ? Math.max(...margins)
          : (readNumber(
              /\bby (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(q.text)?.[1]?.toLowerCase(),
            ) ?? Number.NaN);
      const byMargin = won.filter((g) => margin(g) === wanted);
      const games = byMargin.length ? byMargin : won;
      const described = list(
        games.map((g) => `Game ${g.game} (${g.date}), ${teamByAbbreviation(g.winner).nickname} ${g.score}`),
      );
      return paragraphs(
        team && !byMargin.length
          ? `The ${fullName(team)} ${lost ? 'lost' : 'won'} ${games.length} games of the ${SEASON} NBA Finals: ${described}.`
          : `${byMargin.length === 1 ? 'The game' : 'The games'} of the ${SEASON} NBA Finals decided by ${wanted} point${wanted === 1 ? '' : 's'}: ${described}.`,
        `The ${champion.nickname} won the series ${finals.result}.`,
      );
    }
    case 'dates': {
      const first = finals.games[0]!;
      return paragraphs(
        `The ${SEASON} NBA Finals ran from ${first.date} (Game 1) to ${clincher.date} (Game ${clincher.game}), when the ${fullName(champion)} clinched the title, beating the ${fullName(runnerUp)} ${clincher.score} to win the series ${finals.result}.`,
        `Game dates: ${finals.games.map((g) => `Game ${g.game} ${g.date}`).join('; ')}.`,
      );
    }
    case 'score':
      return paragraphs(
        `The ${SEASON} NBA Finals ended with Game ${clincher.game} on ${clincher.date}: the ${fullName(champion)} beat the ${fullName(runnerUp)} ${clincher.score} to win the series ${finals.result}.`,
        `Game by game: ${finals.games.map((g) => `Game ${g.game} ${teamByAbbreviation(g.winner).nickname} ${g.score}`).join('; ')}.`,
      );
    case 'length':
      return paragraphs(
        `The ${SEASON} NBA Finals went the full seven games: the ${champion.nickname} beat the ${runnerUp.nickname} ${finals.result}, clinching Game ${clincher.game} ${clincher.score} on ${clincher.date}.`,
      );
    case 'loser':
      return paragraphs(
        `The ${fullName(runnerUp)} lost the ${SEASON} NBA Finals ${finals.result} to the ${fullName(champion)}, falling ${clincher.score} in Game ${clincher.game}.`,
        `The ${runnerUp.nickname} had finished ${ordinal(runnerUp.seed)} in the East at ${record(runnerUp)}.`,
      );
    case 'mvp': {
      const same = finals.finalsMvp.player === SNAPSHOT.awards.mvp.player;
      return paragraphs(
        `${finals.finalsMvp.player} of the ${fullName(champion)} was the ${SEASON} NBA Finals MVP, as the ${champion.nickname} beat the ${runnerUp.nickname} ${finals.result}.`,
        same ? `He was also the regular-season MVP.` : undefined,
      );
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

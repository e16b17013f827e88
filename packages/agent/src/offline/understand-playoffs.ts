/**
 * Part of the understand step: postseason questions (the champion and the Finals, a round, a series, a team's
 * playoff path, the play-in, who made or missed the playoffs).
 */
import { CUE } from './cues.js';
import type { Question, QuestionFacet } from './question.js';
import { SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import type { MessageParts } from './understand.js';

// "the defending champion Celtics" is not a question about the title: with a team, the title needs a verb.
const TITLE_VERB =
  /\b(?:win|won|wins|make|made|reach|reached|get to|got to|in the|take|took|lift|lifted|clinch|clinched) (?:the |it )?(?:all|title|championship|ring|trophy|larry)/;
const CONFERENCE_CHAMPION =
  /\b(?:won|win|wins|champions? of|representative from) the (?:east|west|eastern|western)(?: conference)?\b|\b(?:east|west|eastern|western|conference) champions?\b/;
const SERIES_LENGTH_ASKED =
  /\b(?:which|what|any|how many|list(?: the)?) series\b|\b(?:went|go|going|gone) (?:to )?(?:seven|7|six|6|five|5)(?: games)?\b|\bsweeps?\b|\bswept\b|\bseven-game|\bgame 7s\b/;
const MEETING = /\b(?:playoffs?|matchup|meet|met|face)\b/;
const MADE_IT =
  /\b(?:make|made|makes|qualif\w*|get in|got in|reach(?:ed)?|clinch\w*|miss(?:ed)?|in the playoffs\?*$)\b/;
const GAMES_WON =
  /\bgames\b.*\b(?:win|won|wins|lose|lost|losses)\b|\b(?:win|won|lose|lost)\b.*\bgames\b|\bgame\b.*\b(?:win|won|lose|lost) by\b/;
/** "Who went further, the Nuggets or the Lakers?": a comparison of playoff runs. */
export const FURTHER = /\b(?:further|farther|deeper|longer run|lasted longer|better playoff|more playoff)\b/;
/** "Who came out of the play-in?": the teams that advanced. */
export const ADVANCED =
  /\b(?:came out|come out|advanc\w*|got through|get through|surviv\w*|made it|qualif\w*|earn\w*|who won)\b/;
const MVP = /\bmvp\b/;
const PLAYOFF_GAMES = /\b(?:playoff|postseason) (?:games|wins|victories)\b/;
const MOST = /\b(?:most|best|more)\b/;
const WHEN = /\b(?:when|what date|which date|what day|which day)\b/;
// "Which Finals game was decided by one point?", "the closest game": Finals games by their margin.
const MARGIN =
  /\b(?:decided|won|win|lost) by (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(?:closest|tightest|narrowest|biggest|largest|most lopsided) (?:finals )?(?:game|win|margin|blowout)\b/;
const RUNNER_UP = /\brunners?-? ?ups?\b|\bfinished second\b|\bsecond place\b/;
const UNDERDOG = /\b(?:underdogs?|favou?rites?|favou?red|expected to (?:win|lose))\b/;
const FINALS_PAIR = new Set([SNAPSHOT.finals.champion, SNAPSHOT.finals.runnerUp]);
const FINALISTS: readonly SnapshotTeam[] = SNAPSHOT.teams.filter((t) => FINALS_PAIR.has(t.abbreviation));

function finalsFacet(p: MessageParts): QuestionFacet {
  const { game, about } = p;
  if (game) return 'game';
  if (about(CUE.length)) return 'length';
  if (about(CUE.score)) return 'score';
  if (about(CUE.loser)) return 'loser';
  return about(MVP) ? 'mvp' : 'winner';
}

function seriesLength(n: string): number {
  if (/\b(?:sweeps?|swept|four games|4 games)\b/.test(n)) return 4;
  if (/\bfive games|5 games|in five\b/.test(n)) return 5;
  if (/\bsix games|6 games|in six\b/.test(n)) return 6;
  return 7;
}

/** The postseason question the message asks, or undefined when it is about something else. */
export function playoffQuestion(p: MessageParts): Question | undefined {
  const { n, teams, round, game, about, q } = p;
  const twoTeams = teams.length >= 2;
  // "Which team won the most playoff games?": the postseason, counted in games.
  if (!teams.length && about(PLAYOFF_GAMES) && about(MOST)) return q('leader', 'playoffGames', { extreme: 'best' });
  if (twoTeams && about(FURTHER)) return q('compare', 'further');
  if (p.playInGame) return q('playIn', 'game');
  // Two teams that did not meet in the Finals: "the final series score between the Pacers and the Cavaliers".
  const finalsPair = twoTeams && teams.every((t) => FINALS_PAIR.has(t.abbreviation));
  const finalsNamed = about(CUE.finals) || round === 'NBA Finals';
  const finals = finalsNamed && (!twoTeams || finalsPair);
  const champion = about(CUE.champion) && (!teams.length || TITLE_VERB.test(n));
  if (finals || champion || (game && !round)) {
    // "When did the Finals start?", "On what date did OKC clinch the title?": the dates of the games.
    if (about(WHEN) && !game) return q('finals', 'dates');
    const aboutGame = game || about(CUE.score) || about(CUE.length) || about(MVP);
    // "Were the Pacers the underdog?": the two finalists' seasons side by side.
    if (about(UNDERDOG)) return q('compare', 'record', { teams: FINALISTS });
    // "Which Finals games did Indiana win?": that team's wins (or losses) game by game.
    if ((teams.length === 1 && GAMES_WON.test(n)) || about(MARGIN)) return q('finals', 'gamesWon');
    if (teams.length === 1 && !aboutGame) return q('path', 'summary', { round: 'NBA Finals' });
    return q('finals', finalsFacet(p));
  }
  // "Who was the runner-up?": the Finals unless a round or a conference is named.
  if (!round && !teams.length && !p.conference && about(RUNNER_UP)) return q('finals', 'loser');
  if (!round && !teams.length && !about(CUE.playIn) && about(CONFERENCE_CHAMPION))
    return q('round', 'summary', { round: 'Conference Finals' });
  if (round && round !== 'NBA Finals' && !teams.length && about(SERIES_LENGTH_ASKED))
    return q('round', 'summary', { seriesLength: seriesLength(n) });
  if (round && round !== 'NBA Finals') {
    if (twoTeams) return q('series', about(CUE.length) ? 'length' : 'winner');
    if (teams.length === 1) return q('path', about(CUE.eliminated) ? 'eliminatedBy' : 'beat');
    return q('round', 'summary');
  }
  if (about(CUE.playIn)) return q('playIn', !teams.length && about(ADVANCED) ? 'winner' : 'summary');
  if (!teams.length && about(SERIES_LENGTH_ASKED)) return q('round', 'summary', { seriesLength: seriesLength(n) });
  if (!teams.length && about(CUE.missedPlayoffs) && about(CUE.playoffs)) return q('playoffTeams', 'loser');
  if (twoTeams && (about(CUE.series) || about(MEETING) || finalsNamed || about(CUE.beat) || about(CUE.eliminated)))
    return q('series', about(CUE.length) ? 'length' : 'winner');
  if (teams.length === 1 && about(CUE.eliminated)) return q('path', 'eliminatedBy');
  if (teams.length === 1 && about(CUE.beat)) return q('path', 'beat');
  if (teams.length === 1 && about(CUE.path)) return q('path', 'summary');
  if (about(CUE.playoffs)) {
    if (!teams.length) return q('playoffTeams');
    return q('path', MADE_IT.test(n) ? 'madePlayoffs' : 'summary');
  }
  return undefined;
}

/**
 * Step 4 of the offline pipeline: phrase the answer from the looked-up {@link Facts} (and the tool's percentage,
 * when one was needed). Every answer starts with the direct answer and ends with the snapshot note. The wording for
 * the regular season and the postseason lives in `phrase-season.ts` and `phrase-playoffs.ts`; awards, players, what
 * the snapshot does not hold and small talk are here.
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
  record,
  recordPct,
  SEASON,
  seasonOutcome,
  seriesSentence,
} from './phrase-common.js';
import { compareAnswer } from './phrase-compare.js';
import { finalsAnswer } from './phrase-finals.js';
import { pathAnswer, playInAnswer, playoffTeamsAnswer, roundAnswer, seriesAnswer } from './phrase-playoffs.js';
import {
  leaderAnswer,
  overviewAnswer,
  sameRecordAnswer,
  seedAnswer,
  standingsAnswer,
  statedRecordAnswer,
  teamAnswer,
} from './phrase-season.js';
import type { Question, UnsupportedReason } from './question.js';
import { type AwardKey, SNAPSHOT } from './snapshot-2024-25.js';
import { seriesBetween, teamByAbbreviation } from './snapshot-index.js';

export { OFFLINE_SOURCE_NOTE } from './phrase-common.js';

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
  const who =
    key === 'coachOfTheYear'
      ? `${award.player}, head coach of the ${fullName(team)}`
      : `${award.player} of the ${fullName(team)}`;
  return `${who} won ${AWARD_NAMES[key]} for ${SEASON}.`;
}

function awardsOf(name: string): AwardKey[] {
  return (Object.keys(SNAPSHOT.awards) as AwardKey[]).filter((k) => SNAPSHOT.awards[k].player === name);
}

function awardAnswer(q: Question): string {
  const key = q.award ?? 'mvp';
  const award = SNAPSHOT.awards[key];
  const team = teamByAbbreviation(award.team);
  const extra =
    key === 'mvp'
      ? `He led the ${team.nickname} to the league's best record at ${recordPct(team)}, then to the title, and was also Finals MVP.`
      : `The ${team.nickname} finished ${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`;
  return paragraphs(awardSentence(key), extra);
}

function awardsAnswer(): string {
  const keys = Object.keys(SNAPSHOT.awards) as AwardKey[];
  return paragraphs(
    `The ${SEASON} awards in the snapshot:\n${keys.map((k) => `- ${AWARD_NAMES[k]}: ${SNAPSHOT.awards[k].player} (${teamByAbbreviation(SNAPSHOT.awards[k].team).nickname})`).join('\n')}`,
  );
}

function playerAnswer(q: Question, facts: Facts): string {
  const player = q.player;
  const team = facts.teams[0];
  if (!player || !team) return helpAnswer(q);
  const traded = player.tradedFrom
    ? ` He joined them from the ${fullName(teamByAbbreviation(player.tradedFrom.team))} in a ${player.tradedFrom.month} trade.`
    : '';
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
  playerStats:
    'Per-player statistics (points, rebounds, assists, shooting) are not in my offline snapshot, so I cannot answer that reliably.',
  otherSeason: `My offline snapshot covers only the ${SEASON} NBA season, so I cannot answer about other seasons or all-time records.`,
  afterSnapshot: `My offline snapshot ends on ${SNAPSHOT.asOf}, after the ${SEASON} Finals: it does not have news, injuries, trades, contracts, schedules or draft results from after that date, so I cannot say.`,
  gameScores: `Game-by-game results are not in my offline snapshot except for the ${SEASON} NBA Finals: for the other series it holds the series result only.`,
  reasons: `The reasons behind results (injuries, trades, form) are not in my offline snapshot of the ${SEASON} season, which holds the results themselves, so I cannot say why.`,
  notInSnapshot: `That is not in my offline snapshot of the ${SEASON} season: it holds team records, seeds, playoff results, the Finals, the season awards and the teams of notable players.`,
};

function unsupportedAnswer(q: Question, facts: Facts): string {
  const reason = q.unsupported ?? 'notInSnapshot';
  const player = q.player;
  const team = facts.teams[0];
  const series = facts.series[0];
  const [first, second] = facts.teams;
  const met = first && second ? seriesBetween(first, second) : undefined;
  const known = series
    ? `What I do know: ${seriesSentence(series)}.`
    : first && second
      ? `What I do know: ${list(facts.teams.map((t) => `the ${fullName(t)} went ${record(t)} (${ordinal(t.seed)} in the ${t.conference})`))}${met ? `, and in the playoffs ${seriesSentence(met)}` : ''}.`
      : player && team
        ? `What I do know: ${player.name} finished the season with the ${fullName(team)} (${record(team)}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}).${awardsOf(player.name).length ? ` He won ${list(awardsOf(player.name).map((k) => AWARD_NAMES[k]))}.` : ''} ${seasonOutcome(team)}`
        : team
          ? `What I do know: the ${fullName(team)} went ${record(team)} in ${SEASON}, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}. ${seasonOutcome(team)}`
          : `What I can tell you: team records and seeds, best and worst records, comparisons, the play-in, every playoff series, the Finals (OKC beat Indiana 4-3) and the ${SEASON} awards.`;
  const coach = reason === 'notInSnapshot' && /\bcoach/i.test(q.text) ? COACH_NOTE : undefined;
  return paragraphs(UNSUPPORTED[reason], coach, known);
}

const COACH_NOTE = `The one head coach it names is the Coach of the Year, ${SNAPSHOT.awards.coachOfTheYear.player} of the ${fullName(teamByAbbreviation(SNAPSHOT.awards.coachOfTheYear.team))}.`;

function rosterAnswer(facts: Facts): string {
  const team = facts.teams[0];
  if (!team)
    return paragraphs('Which team do you mean? Name one and I will list the notable players the snapshot has.');
  const players = SNAPSHOT.players.filter((p) => p.team === team.abbreviation);
  const described = players.map((p) => {
    const awards = awardsOf(p.name).map((k) => AWARD_NAMES[k]);
    const traded = p.tradedFrom
      ? `, from the ${teamByAbbreviation(p.tradedFrom.team).nickname} in ${p.tradedFrom.month}`
      : '';
    return `${p.name}${awards.length || traded ? ` (${[awards.join(', '), traded.slice(2)].filter(Boolean).join('; ')})` : ''}`;
  });
  return paragraphs(
    players.length
      ? `Notable ${fullName(team)} players at the end of the ${SEASON} season in my snapshot: ${list(described)}.`
      : `My snapshot lists no notable ${fullName(team)} players.`,
    'Per-player statistics are not in the snapshot, so I cannot rank them by their numbers; the season awards are the only individual honours it holds.',
    `The ${team.nickname} went ${record(team)}. ${seasonOutcome(team)}`,
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

/** The answer text. `pct` is the win-percentage tool's output when `facts.percentageOf` asked for one. */
export function phrase(facts: Facts, pct?: string): string {
  const text = phraseAnswer(facts, pct);
  return facts.question.relativeSeason
    ? `My snapshot covers the ${SEASON} season (as of ${SNAPSHOT.asOf}); if that is the season you mean:\n\n${text}`
    : text;
}

function phraseAnswer(facts: Facts, pct?: string): string {
  const q = facts.question;
  const percentage =
    pct ??
    (facts.percentageOf ? calculateWinPercentage(facts.percentageOf.wins, facts.percentageOf.losses) : undefined);
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
    case 'roster':
      return rosterAnswer(facts);
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

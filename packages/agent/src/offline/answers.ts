/**
 * The offline model's "brain": reads the conversation, decides whether to call the win-percentage tool, and writes
 * deterministic answers from the bundled 2024-25 snapshot.
 */
import { messageContentText } from '../guardrail.js';
import { parseOverviewPrompt } from '../prompts.js';
import { calculateWinPercentage } from '../tools.js';
import { topicSlugForName, type TopicSlug } from '../topics.js';
import { SNAPSHOT, type Conference, type SnapshotTeam } from './snapshot-2024-25.js';
import {
  conferenceName,
  conferenceStandings,
  findTeamMentions,
  fullName,
  ordinal,
  rankRecord,
  recordText,
  recordWithPercentage,
  seasonOutcome,
  teamByAbbreviation,
} from './teams.js';

/** The one-sentence provenance note that ends every offline answer. */
export const OFFLINE_SOURCE_NOTE = `This answer comes from the offline snapshot of the ${SNAPSHOT.season} NBA season (as of ${SNAPSHOT.asOf}).`;

/** A won-lost record. */
export interface StatedRecord {
  readonly wins: number;
  readonly losses: number;
}

/** What the latest user message asks, with references resolved against the conversation. */
export interface QuestionAnalysis {
  readonly text: string;
  /** Set when the message is the generated topic overview prompt. */
  readonly overviewTopic?: TopicSlug;
  readonly team?: SnapshotTeam;
  /** "message": named in the latest message; "reference": "they"/"their"/"that team" resolved from earlier messages. */
  readonly teamSource?: 'message' | 'reference';
  readonly record?: StatedRecord;
  /** "message": stated in the latest message; "history": stated earlier with the referenced team; "snapshot": the team's final record. */
  readonly recordSource?: 'message' | 'history' | 'snapshot';
  readonly conference?: Conference;
  readonly compare: boolean;
  readonly intent: 'overview' | 'record' | 'finals' | 'mvp' | 'standings' | 'general';
}

/** A minimal view of a conversation item. */
type Item = { type?: unknown; role?: unknown; content?: unknown };

const RECORD_PATTERNS: readonly RegExp[] = [
  // "46 wins and 36 losses", "46 wins, 36 losses"
  /(?<!\d)(\d{1,3})\s+wins?\s*(?:,|and|&|-|to)?\s*(\d{1,3})\s+loss(?:es)?\b/i,
  // "46-36", "46 - 36", "46–36"
  /(?<![\d.-])(\d{1,3})\s*[-–—]\s*(\d{1,3})(?![\d-])/,
];

/** The first won-lost record stated in `text` ("went 46-36", "46-36", "46 wins and 36 losses"), with its offset. */
export function findStatedRecord(text: string): (StatedRecord & { index: number }) | undefined {
  let best: (StatedRecord & { index: number }) | undefined;
  for (const pattern of RECORD_PATTERNS) {
    const match = pattern.exec(text);
    if (!match?.[1] || !match[2]) continue;
    const candidate = { wins: Number(match[1]), losses: Number(match[2]), index: match.index };
    if (!best || candidate.index < best.index) best = candidate;
  }
  return best;
}

const REFERENCE = /\b(?:their|theirs|they|them|that team|this team|the team|same team)\b/i;
const COMPARE = /\b(?:compare|compared|comparison|rank|ranks|ranked|ranking|stack up|stacks up|versus|vs\.?|rest of|where (?:do|does|did|would)|how (?:good|bad)|better|worse|relative)\b/i;
const FINALS = /\b(?:finals?|champions?|championship|title|won it all|ring)\b/i;
const MVP = /\b(?:mvp|most valuable)\b/i;
const STANDINGS = /\b(?:standings?|seeds?|seeding|best record|worst record|top|bottom|lead(?:er|ers|ing)?|table|ranking|east|west|eastern|western|conference|play-?in|playoffs?)\b/i;
const EAST = /\b(?:east|eastern)\b/i;
const WEST = /\b(?:west|western)\b/i;

function mentionedConference(text: string): Conference | undefined {
  const east = EAST.exec(text);
  const west = WEST.exec(text);
  if (east && (!west || east.index <= west.index)) return 'East';
  if (west) return 'West';
  return undefined;
}

function itemText(item: Item): string {
  return messageContentText(item.content);
}

function isMessage(item: Item, role: 'user' | 'assistant'): boolean {
  return item.role === role && (item.type === undefined || item.type === 'message');
}

/** Index of the latest user message in `items`, or -1. */
export function latestUserIndex(items: readonly Item[]): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item && isMessage(item, 'user')) return i;
  }
  return -1;
}

/** The record stated next to `team` in `text`: after its mention and before the next team's mention. */
function recordNextTo(text: string, team: SnapshotTeam): StatedRecord | undefined {
  const mentions = findTeamMentions(text);
  const at = mentions.findIndex((m) => m.team === team);
  const mention = mentions[at];
  if (!mention) return undefined;
  const end = mentions[at + 1]?.index ?? text.length;
  const found = findStatedRecord(text.slice(mention.index, end));
  return found ? { wins: found.wins, losses: found.losses } : undefined;
}

/** Resolves "they"/"their"/"that team" to the team mentioned most recently in earlier user or assistant messages. */
export function resolveTeamReference(history: readonly Item[]): { team: SnapshotTeam; record?: StatedRecord } | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const item = history[i];
    if (!item || !(isMessage(item, 'user') || isMessage(item, 'assistant'))) continue;
    const text = itemText(item);
    const first = findTeamMentions(text)[0];
    if (!first) continue;
    const record = recordNextTo(text, first.team);
    return record ? { team: first.team, record } : { team: first.team };
  }
  return undefined;
}

/** Analyses the latest user message (`items[userIndex]`) in the context of the earlier items. */
export function analyseQuestion(items: readonly Item[], userIndex: number): QuestionAnalysis {
  const latest = items[userIndex];
  const text = latest ? itemText(latest) : '';
  const compare = COMPARE.test(text);
  const conference = mentionedConference(text);
  const base = { text, compare, ...(conference ? { conference } : {}) };

  const overview = parseOverviewPrompt(text);
  const overviewTopic = overview ? topicSlugForName(overview.topicName) : undefined;
  if (overviewTopic) return { ...base, overviewTopic, intent: 'overview' };

  const stated = findStatedRecord(text);
  const named = findTeamMentions(text)[0]?.team;
  let team = named;
  let teamSource: QuestionAnalysis['teamSource'] = named ? 'message' : undefined;
  let historyRecord: StatedRecord | undefined;
  if (!team && REFERENCE.test(text)) {
    const resolved = resolveTeamReference(items.slice(0, userIndex));
    if (resolved) {
      team = resolved.team;
      teamSource = 'reference';
      historyRecord = resolved.record;
    }
  }
  const withTeam = team ? { team, teamSource } : {};

  if (stated) {
    return { ...base, ...withTeam, record: { wins: stated.wins, losses: stated.losses }, recordSource: 'message', intent: 'record' };
  }
  if (FINALS.test(text)) return { ...base, ...withTeam, intent: 'finals' };
  if (MVP.test(text)) return { ...base, ...withTeam, intent: 'mvp' };
  if (team) {
    const fromHistory = historyRecord && (historyRecord.wins !== team.wins || historyRecord.losses !== team.losses);
    return fromHistory && historyRecord
      ? { ...base, ...withTeam, record: historyRecord, recordSource: 'history', intent: 'record' }
      : { ...base, ...withTeam, record: { wins: team.wins, losses: team.losses }, recordSource: 'snapshot', intent: 'record' };
  }
  if (STANDINGS.test(text)) return { ...base, intent: 'standings' };
  return { ...base, intent: 'general' };
}

function paragraphs(...parts: Array<string | undefined | false>): string {
  return [...parts.filter((p): p is string => typeof p === 'string' && p.length > 0), OFFLINE_SOURCE_NOTE].join('\n\n');
}

function teamLine(team: SnapshotTeam): string {
  return `${team.seed}. ${fullName(team)} ${recordWithPercentage(team)}`;
}

function conferenceSummary(conference: Conference): string {
  const standings = conferenceStandings(conference);
  const [leader, second, third, fourth] = standings;
  if (!leader || !second || !third || !fourth) throw new Error('snapshot has too few teams');
  const last = standings.at(-1) ?? leader;
  const name = conferenceName(conference);
  const playIn = standings.filter((t) => t.seed >= 7 && t.seed <= 10);
  const advanced = playIn.filter((t) => t.playoffSeed !== null);
  const confFinal = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === conference);
  const lines = [
    `The ${fullName(leader)} finished first in the ${name} at ${recordWithPercentage(leader)}, ahead of the ${second.nickname} (${recordText(second.wins, second.losses)}), the ${third.nickname} (${recordText(third.wins, third.losses)}) and the ${fourth.nickname} (${recordText(fourth.wins, fourth.losses)}).`,
    `Final ${name} standings, top ten:\n${standings.slice(0, 10).map(teamLine).join('\n')}`,
    `Seeds 7 to 10 went to the play-in tournament, where the ${advanced.map((t) => t.nickname).join(' and the ')} earned the last two playoff spots. The ${last.nickname} finished last at ${recordText(last.wins, last.losses)}.`,
  ];
  if (confFinal) {
    const winner = teamByAbbreviation(confFinal.winner);
    const loser = teamByAbbreviation(confFinal.loser);
    const champion = SNAPSHOT.finals.champion === winner.abbreviation;
    lines.push(
      `In the playoffs, the ${winner.nickname} won the ${name} by beating the ${loser.nickname} ${confFinal.result} in the Conference Finals, then ${champion ? `won the NBA Finals ${SNAPSHOT.finals.result}` : `lost the NBA Finals ${SNAPSHOT.finals.result} to the ${teamByAbbreviation(SNAPSHOT.finals.champion).nickname}`}.`,
    );
  }
  return paragraphs(...lines);
}

function finalsSummary(): string {
  const { finals } = SNAPSHOT;
  const champion = teamByAbbreviation(finals.champion);
  const runnerUp = teamByAbbreviation(finals.runnerUp);
  const sameMvp = finals.finalsMvp.player === SNAPSHOT.awards.mvp.player;
  const east = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === 'East');
  const west = SNAPSHOT.playoffs.find((s) => s.round === 'Conference Finals' && s.conference === 'West');
  const path =
    east && west
      ? `To get there, the ${teamByAbbreviation(west.winner).nickname} beat the ${teamByAbbreviation(west.loser).nickname} ${west.result} in the Western Conference Finals, and the ${teamByAbbreviation(east.winner).nickname} beat the ${teamByAbbreviation(east.loser).nickname} ${east.result} in the Eastern Conference Finals.`
      : undefined;
  return paragraphs(
    `The ${fullName(champion)} won the ${SNAPSHOT.season} NBA championship, beating the ${fullName(runnerUp)} ${finals.result} in the NBA Finals.`,
    `The series went the distance: the ${champion.nickname} won Game ${finals.clinchingGame.game}, ${finals.clinchingGame.score}, on ${finals.clinchingGame.date}. ${finals.finalsMvp.player} was named Finals MVP${sameMvp ? ', after also winning the regular-season MVP award' : ''}.`,
    path,
  );
}

function mvpSummary(): string {
  const { mvp } = SNAPSHOT.awards;
  const team = teamByAbbreviation(mvp.team);
  const alsoFinals = SNAPSHOT.finals.finalsMvp.player === mvp.player;
  return paragraphs(
    `${mvp.player} of the ${fullName(team)} was the ${SNAPSHOT.season} regular-season MVP.`,
    `He led the ${team.nickname} to the league's best record at ${recordWithPercentage(team)}${alsoFinals ? `, and was also Finals MVP as they beat the ${teamByAbbreviation(SNAPSHOT.finals.runnerUp).nickname} ${SNAPSHOT.finals.result} for the title` : ''}.`,
  );
}

function seasonSummary(extra?: string): string {
  const byRecord = [...SNAPSHOT.teams].sort((a, b) => b.wins - a.wins || a.losses - b.losses);
  const best = byRecord[0];
  const worst = byRecord.at(-1);
  const worst2 = byRecord.at(-2);
  if (!best || !worst || !worst2) throw new Error('snapshot has too few teams');
  const eastLeader = conferenceStandings('East')[0];
  const westLeader = conferenceStandings('West')[0];
  const champion = teamByAbbreviation(SNAPSHOT.finals.champion);
  const runnerUp = teamByAbbreviation(SNAPSHOT.finals.runnerUp);
  const otherLeader = best.conference === 'East' ? westLeader : eastLeader;
  return paragraphs(
    `The ${SNAPSHOT.season} season belonged to the ${fullName(champion)}: ${best === champion ? `the best record in the league at ${recordWithPercentage(best)}, then ` : ''}the championship, beating the ${fullName(runnerUp)} ${SNAPSHOT.finals.result} in the Finals.`,
    `${SNAPSHOT.awards.mvp.player} won the regular-season MVP award${SNAPSHOT.finals.finalsMvp.player === SNAPSHOT.awards.mvp.player ? ' and Finals MVP' : ''}.`,
    otherLeader
      ? `In the ${conferenceName(otherLeader.conference)}, the ${fullName(otherLeader)} had the best record at ${recordWithPercentage(otherLeader)}, but the ${runnerUp.city} ${runnerUp.nickname} (${ordinal(runnerUp.seed)} seed, ${recordText(runnerUp.wins, runnerUp.losses)}) won the conference.`
      : undefined,
    `At the bottom, the ${fullName(worst)} (${recordText(worst.wins, worst.losses)}) and the ${fullName(worst2)} (${recordText(worst2.wins, worst2.losses)}) had the worst records.`,
    extra,
  );
}

function standingsSummary(conference?: Conference): string {
  if (conference) return conferenceSummary(conference);
  const east = conferenceStandings('East');
  const west = conferenceStandings('West');
  return paragraphs(
    `The ${fullName(west[0] ?? teamByAbbreviation('OKC'))} had the best record in the league at ${recordWithPercentage(west[0] ?? teamByAbbreviation('OKC'))}, and the ${fullName(east[0] ?? teamByAbbreviation('CLE'))} led the East at ${recordWithPercentage(east[0] ?? teamByAbbreviation('CLE'))}.`,
    `Eastern Conference, top six:\n${east.slice(0, 6).map(teamLine).join('\n')}`,
    `Western Conference, top six:\n${west.slice(0, 6).map(teamLine).join('\n')}`,
  );
}

/** The answer to a question that needs no tool call. */
export function directAnswer(analysis: QuestionAnalysis): string {
  switch (analysis.intent) {
    case 'overview':
      switch (analysis.overviewTopic) {
        case 'eastern':
          return conferenceSummary('East');
        case 'western':
          return conferenceSummary('West');
        case 'finals':
          return finalsSummary();
        default:
          return seasonSummary();
      }
    case 'finals':
      return finalsSummary();
    case 'mvp':
      return mvpSummary();
    case 'standings':
      return standingsSummary(analysis.conference);
    case 'record':
      // Only reached when the tool is unavailable: compute locally.
      return recordAnswer(analysis, analysis.record ?? { wins: 0, losses: 0 }, undefined);
    default:
      return seasonSummary(
        "I can also break down a team's record and winning percentage, the conference standings, the Finals or the MVP race.",
      );
  }
}

function rankSentence(pct: string, record: StatedRecord, team: SnapshotTeam | undefined, conference: Conference | undefined): string {
  const pool = conference ? conferenceStandings(conference) : [...SNAPSHOT.teams];
  const where = conference ? `the ${conferenceName(conference)}` : 'the league';
  const { rank, of, above, below } = rankRecord(record.wins, record.losses, pool, team);
  const subject = team ? `the ${team.nickname}' ${pct}` : `a ${pct} mark`;
  const neighbours =
    above && below
      ? `, between the ${above.nickname} (${recordText(above.wins, above.losses)}) and the ${below.nickname} (${recordText(below.wins, below.losses)})`
      : above
        ? `, behind every other team, just below the ${above.nickname} (${recordText(above.wins, above.losses)})`
        : below
          ? `, ahead of every other team, including the ${below.nickname} (${recordText(below.wins, below.losses)})`
          : '';
  const leader = pool.slice().sort((a, b) => b.wins - a.wins || a.losses - b.losses)[0];
  const leaderSentence =
    leader && leader !== team ? ` The leader was the ${fullName(leader)} at ${recordWithPercentage(leader)}.` : '';
  return `Against ${where}, ${subject} would rank ${ordinal(rank)} of ${of}${neighbours}.${leaderSentence}`;
}

function possessive(nickname: string): string {
  return nickname.endsWith('s') ? `${nickname}'` : `${nickname}'s`;
}

/** The answer once the win percentage is known (`pct` from the tool, or computed locally when `pct` is undefined). */
export function recordAnswer(analysis: QuestionAnalysis, record: StatedRecord, pct: string | undefined): string {
  let percentage = pct?.trim();
  if (percentage === undefined) {
    try {
      percentage = calculateWinPercentage(record.wins, record.losses);
    } catch (error) {
      return toolErrorAnswer(error instanceof Error ? error.message : String(error));
    }
  }
  const rec = recordText(record.wins, record.losses);
  const team = analysis.team;
  if (!team) {
    const conference = analysis.conference;
    return paragraphs(
      `A ${rec} record works out to a ${percentage} winning percentage.`,
      rankSentence(percentage, record, undefined, conference).replace(/^Against /, `In the ${SNAPSHOT.season} standings, against `),
    );
  }
  const snapshotRecord = recordText(team.wins, team.losses);
  const isSnapshot = team.wins === record.wins && team.losses === record.losses;
  const conference = analysis.conference ?? team.conference;
  const first =
    analysis.recordSource === 'history'
      ? `Using the ${rec} record from earlier in this conversation, the ${possessive(team.nickname)} winning percentage is ${percentage}.`
      : analysis.recordSource === 'snapshot'
        ? `The ${fullName(team)} finished the ${SNAPSHOT.season} regular season ${rec}, a ${percentage} winning percentage, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`
        : `The ${team.nickname} went ${rec}, which works out to a ${percentage} winning percentage.`;
  const context = isSnapshot
    ? analysis.recordSource === 'snapshot'
      ? seasonOutcome(team)
      : `That matches their final ${SNAPSHOT.season} record, ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`
    : `For context, the snapshot has the ${team.nickname} finishing ${SNAPSHOT.season} at ${snapshotRecord} (${calculateWinPercentage(team.wins, team.losses)}), ${ordinal(team.seed)} in the ${conferenceName(team.conference)}.`;
  const comparison = analysis.compare || analysis.teamSource === 'reference' ? rankSentence(percentage, record, team, conference) : undefined;
  return paragraphs(first, comparison, context);
}

/** The answer when the win-percentage tool reported an error. */
export function toolErrorAnswer(message: string): string {
  const detail = message.replace(/^Error:\s*/, '');
  return paragraphs(`I could not compute that winning percentage. The calculation reported: ${detail}`);
}

/**
 * Part of the understand step: questions the snapshot cannot answer (other seasons, news after the snapshot,
 * injuries, team and player statistics, reasons, anything else it does not hold). Recognised before anything else so
 * that such a question gets an honest "not in the snapshot" instead of a confident answer to another question.
 */
import { CUE } from './cues.js';
import type { UnsupportedReason } from './question.js';
import { SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import type { MessageParts } from './understand.js';

const RELATIVE_SEASON = /\b(?:last|previous|prior) (?:season|year)\b/;
const THIS_SEASON = /\b(?:2024|2025|24-25|2024-25|this season|this year)\b/;
const AGAINST_LAST_SEASON =
  /\b(?:than|compared (?:to|with)|versus|vs) (?:the )?(?:last|previous|prior) (?:season|year)\b/;
const INJURIES = /\b(?:hurt|injur\w*|health|healthy|out for the|missed games|sidelined)\b/;
const TEAM_STATS =
  /\b(?:point differential|net rating|offensive rating|defensive rating|pace|points per game|ppg|margin of victory|three-point percentage|field goal percentage|turnovers|home record|road record|away record|home court record|record at home|record on the road|streak|record (?:against|vs|versus) (?:the )?(?:east|west|eastern|western|conference|division|teams?)|conference record|division record|season series|regular[- ]season series|head[- ]to[- ]head|games against each other)\b/;
const PERCENT = /\b(?:percent|percentage|pct)\b/;
// "the best defense", "the top offense": team qualities beyond wins and losses.
const TEAM_QUALITY =
  /\b(?:defen[cs]e|offen[cs]e|(?:defensive|offensive|rebounding|shooting|passing) (?:team|unit)|three-point shooting)\b/;
// "the best point guard", "the top shooters": a ranking of players by role or skill.
const PLAYER_RANKING =
  /\b(?:best|top|worst|greatest|better|elite)(?: \w+){0,2} (?:point guards?|shooting guards?|guards?|forwards?|centers?|big men|bigs|wings?|scorers?|shooters?|defenders?|rebounders?|passers?|playmakers?)\b/;
const ABOUT_A_PLAYER =
  /\b(?:player|who scored|leading scorer|scored the most|top scorers?|per game|ppg|scoring title|top scorer|most points|most rebounds|most assists|his|he)\b/;
const inTheFinals = (team: SnapshotTeam): boolean =>
  team.abbreviation === SNAPSHOT.finals.champion || team.abbreviation === SNAPSHOT.finals.runnerUp;
const COACH_OF_THE_YEAR = /\bcoach of the year\b/;
// "Why did they miss the playoffs?": the snapshot has results, not their reasons.
const WHY =
  /^(?:(?:and|but|so|ok|okay)\s+)?(?:why|how come)\b|\bwhy (?:did|do|does|was|were|is|are|didn'?t|did not|were not|weren'?t)\b|\b(?:the|what) reasons?\b|\breasons? (?:why|for)\b|\bwhat went wrong\b/;

/**
 * Whether the message asks about another season: `'relative'` for "last season" (which may well mean the snapshot's
 * own season: answered for 2024-25 with a note), `'other'` for another season or all-time records.
 */
export function otherSeason(p: MessageParts): 'relative' | 'other' | undefined {
  const { n } = p;
  if (!CUE.otherSeason.test(n) || THIS_SEASON.test(n.replace(/\b2025 draft\b/, ''))) return undefined;
  if (!CUE.otherSeason.test(n.replace(RELATIVE_SEASON, ' ')) && !AGAINST_LAST_SEASON.test(n)) return 'relative';
  return 'other';
}

/** Why the message is outside the snapshot, or undefined when the snapshot may answer it. */
export function outsideSnapshot(p: MessageParts): UnsupportedReason | undefined {
  const { n, player, game, record, teams, award } = p;
  if (INJURIES.test(n)) return 'injuries';
  if (CUE.afterSnapshot.test(n) && !CUE.playoffs.test(n) && !CUE.finals.test(n)) return 'afterSnapshot';
  if (TEAM_STATS.test(n) && !player && !game && !CUE.playoffs.test(n)) return 'teamStats';
  if (TEAM_QUALITY.test(n) && !player && !game && !award) return 'teamStats';
  if (PLAYER_RANKING.test(n) && !award) return 'playerStats';
  // "the score of the Finals" is a result, "the leading scorer in the Finals" a player statistic.
  const statsAsked =
    CUE.playerStats.test(n) &&
    !game &&
    (!CUE.finals.test(n) || player !== undefined || ABOUT_A_PLAYER.test(n)) &&
    !PERCENT.test(n) &&
    !record;
  if (statsAsked && (player || ABOUT_A_PLAYER.test(n) || (!teams.length && CUE.statLeader.test(n))))
    return 'playerStats';
  if (WHY.test(n) && !award) return 'reasons';
  // "Game 3 of the West finals", "Game 7 between the Nuggets and Clippers": game results are only kept for the Finals.
  if (
    game &&
    !CUE.length.test(n) &&
    ((p.round && p.round !== 'NBA Finals') || (teams.length >= 2 && !teams.every(inTheFinals)))
  )
    return 'gameScores';
  return undefined;
}

/** Things the snapshot does not hold at all (arenas, salaries, most coaches): checked after the awards. */
export function notInSnapshot(p: MessageParts): boolean {
  return CUE.notInSnapshot.test(p.n) && !COACH_OF_THE_YEAR.test(p.n);
}

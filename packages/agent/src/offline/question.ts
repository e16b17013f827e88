/**
 * The understood question and the conversation state: the data that flows from the understand step
 * (`understand.ts`, `follow-ups.ts`) to the look-up step (`lookup.ts`) and the phrase step (`phrase*.ts`).
 */
import type { TopicSlug } from '../topics.js';
import type { AwardKey, Conference, SnapshotPlayer, SnapshotSeries, SnapshotTeam } from './snapshot-2024-25.js';

/** What kind of fact a question asks for. */
export type QuestionKind =
  | 'overview' // the generated topic overview prompt
  | 'smalltalk' // "thanks!", "hello"
  | 'leader' // best / worst record, league or conference, top-N / bottom-N
  | 'seed' // who was the N seed
  | 'standings' // a conference's (or the league's) table
  | 'team' // one or more teams' record, wins, losses, win %, seed, or season summary
  | 'statedRecord' // the win % of a record the user states (through the tool)
  | 'sameRecord' // which teams finished with a record or a number of wins
  | 'compare' // two or more teams side by side
  | 'playoffTeams' // who made the playoffs
  | 'playIn' // the play-in tournament
  | 'path' // a team's playoff path: whom it beat, who eliminated it, by round
  | 'round' // the results of a round
  | 'series' // one series: who won, in how many games
  | 'finals' // the NBA Finals
  | 'award' // one season award
  | 'awards' // every award
  | 'player' // a notable player: his team, and what the snapshot knows of it
  | 'roster' // a team's notable players ("Who was their best player?")
  | 'unsupported' // outside the snapshot: player statistics, other seasons, news after the snapshot
  | 'help'; // not understood

/** Which part of a fact a question asks for. */
export type QuestionFacet =
  | 'summary'
  | 'record'
  | 'wins'
  | 'losses'
  | 'pct'
  | 'seed'
  | 'beat'
  | 'eliminatedBy'
  | 'madePlayoffs'
  | 'winner'
  | 'loser'
  | 'length'
  | 'score'
  | 'mvp'
  | 'game'
  | 'gamesWon'
  | 'round'
  | 'further'
  | 'dates'
  | 'playoffGames';

/** Why a question is outside the snapshot. */
export type UnsupportedReason =
  | 'playerStats'
  | 'teamStats'
  | 'injuries'
  | 'otherSeason'
  | 'afterSnapshot'
  | 'reasons'
  | 'gameScores'
  | 'notInSnapshot';

/** The understood question. */
export interface Question {
  readonly text: string;
  readonly kind: QuestionKind;
  readonly facet: QuestionFacet;
  readonly teams: readonly SnapshotTeam[];
  /** Teams named only to be left out ("the best record besides the Thunder"). */
  readonly exclude?: readonly SnapshotTeam[];
  readonly player?: SnapshotPlayer;
  readonly conference?: Conference;
  readonly round?: SnapshotSeries['round'];
  readonly game?: number;
  readonly award?: AwardKey;
  readonly count?: number;
  readonly seed?: number;
  readonly extreme?: 'best' | 'worst';
  /** "Did the Cavs have the best record?": the team whose claim to the top (or bottom) is checked. */
  readonly claim?: SnapshotTeam;
  /** "the best record and the worst": both ends asked at once. */
  readonly bothExtremes?: boolean;
  /** "the 2nd best record", "third-worst": the position asked for (1 = the best or the worst). */
  readonly position?: number;
  readonly record?: { readonly wins: number; readonly losses: number };
  readonly winCount?: {
    readonly wins?: number;
    readonly losses?: number;
    readonly atLeast?: boolean;
    /** "between 40 and 45 wins": the upper end, with `atLeast`. */
    readonly upTo?: number;
    readonly atMost?: boolean;
  };
  readonly unsupported?: UnsupportedReason;
  readonly topic?: TopicSlug;
  /** "Which team finished at .500?": a winning percentage named in the question. */
  readonly pctStated?: string;
  /** The question said "last season": answered for the snapshot's season, with a note saying so. */
  readonly relativeSeason?: boolean;
  /** "Which series went seven games?": series of this many games. */
  readonly seriesLength?: number;
  /** "Who won the 9 vs 10 game?": one play-in game. */
  readonly playInGame?: '7v8' | '9v10' | 'final';
  /** A series named earlier in the conversation ("the series", "it"). */
  readonly series?: SnapshotSeries;
  /** The teams came from the conversation, not from this message. */
  readonly teamsFromContext: boolean;
}

/** What earlier turns leave behind for the next one. */
export interface ConversationState {
  readonly question?: Question;
  /** The teams the last answer was about ("they"). */
  readonly focus: readonly SnapshotTeam[];
  readonly player?: SnapshotPlayer;
  /** The series the last answer was about ("the series", "it"). */
  readonly series?: SnapshotSeries;
  /** Teams of the recent answers, most recent first ("Compare them"). */
  readonly recent?: readonly SnapshotTeam[];
  /** A record the user stated for the focus team ("The Raptors went 46-36"). */
  readonly statedRecord?: { readonly wins: number; readonly losses: number };
}

export const EMPTY_STATE: ConversationState = Object.freeze({ focus: Object.freeze([]) });

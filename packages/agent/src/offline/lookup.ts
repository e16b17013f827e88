/**
 * Step 2 of the offline pipeline: look up the facts a {@link Question} needs in the snapshot. Pure data work: no
 * wording here (that is `phrase.ts`), and no percentages computed for the user (that is the tool's job).
 */
import { calculateWinPercentage } from '../tools.js';
import type { ConversationState, Question } from './question.js';
import { type Conference, SNAPSHOT, type SnapshotSeries, type SnapshotTeam } from './snapshot-2024-25.js';
import {
  byRecord,
  conferenceTeams,
  playoffGames,
  seriesBetween,
  seriesOf,
  teamByAbbreviation,
} from './snapshot-index.js';

/** The facts for one answer, and what the next turn may refer to. */
export interface Facts {
  readonly question: Question;
  /** Teams in the order the answer presents them (standings, comparisons, ties). */
  readonly teams: readonly SnapshotTeam[];
  /** Playoff series the answer is about. */
  readonly series: readonly SnapshotSeries[];
  /** The record the win-percentage tool should be called with, when the answer needs one. */
  readonly percentageOf?: { readonly wins: number; readonly losses: number };
  /** For the next turn: "they", "he", "the series". */
  readonly next: Omit<ConversationState, 'question'>;
}

const FINALS_SERIES = SNAPSHOT.playoffs.find((s) => s.round === 'NBA Finals');

function facts(
  question: Question,
  teams: readonly SnapshotTeam[],
  series: readonly SnapshotSeries[],
  next: Facts['next'],
  percentageOf?: Facts['percentageOf'],
): Facts {
  return { question, teams, series, next, ...(percentageOf ? { percentageOf } : {}) };
}

/** The one series a question points at: two teams that met, or a team's (or a conference's) series in a round. */
function seriesAsked(question: Question): SnapshotSeries | undefined {
  const [a, b] = question.teams;
  if (a && b) return seriesBetween(a, b);
  return SNAPSHOT.playoffs.find(
    (s) =>
      s.round === question.round &&
      (!a || s.winner === a.abbreviation || s.loser === a.abbreviation) &&
      (!question.conference || s.conference === question.conference),
  );
}

/** Looks up what `question` needs. `state` supplies a stated record the user gave earlier. */
export function lookUp(question: Question, state: ConversationState): Facts {
  const asked = question.teams;
  const focus = (teams: readonly SnapshotTeam[], extra: Partial<Facts['next']> = {}): Facts['next'] => ({
    focus: teams,
    ...extra,
  });
  const champion = teamByAbbreviation(SNAPSHOT.finals.champion);
  switch (question.kind) {
    case 'leader': {
      if (question.facet === 'playoffGames') {
        const ranked = SNAPSHOT.teams
          .filter((t) => seriesOf(t).length)
          .sort((a, b) => playoffGames(b).won - playoffGames(a).won);
        return facts(question, ranked.slice(0, 3), [], focus(ranked.slice(0, 1)));
      }
      const bySeed = question.facet === 'seed';
      const pool = conferenceTeams(question.conference).filter((t) => !question.exclude?.includes(t));
      const ordered = bySeed ? pool : byRecord(pool);
      const list = question.extreme === 'worst' ? ordered.reverse() : ordered;
      if (question.bothExtremes) {
        const both = [list[0], list.at(-1)].filter((t): t is SnapshotTeam => t !== undefined);
        return facts(question, both, [], focus(both));
      }
      if (question.position) {
        const at = list[question.position - 1];
        return facts(question, at ? [at] : [], [], focus(at ? [at] : []));
      }
      const count = question.count ?? 1;
      // Teams tied with the last one listed are listed too ("50-32" three ways).
      const last = list[count - 1];
      const shown = list.filter((t, i) => i < count || (!bySeed && last && t.wins === last.wins));
      return facts(question, shown, [], focus(shown.slice(0, 1)));
    }
    case 'seed': {
      const seed = question.seed ?? 1;
      const conferences: Conference[] = question.conference ? [question.conference] : ['East', 'West'];
      const teams = conferences.flatMap((c) => {
        const regular = conferenceTeams(c).find((t) => t.seed === seed);
        const bracket = SNAPSHOT.teams.find((t) => t.conference === c && t.playoffSeed === seed);
        return [regular, bracket !== regular ? bracket : undefined].filter((t): t is SnapshotTeam => t !== undefined);
      });
      return facts(question, teams, [], focus(teams.slice(0, 1)));
    }
    case 'standings': {
      const teams = conferenceTeams(question.conference);
      return facts(question, teams, [], focus(teams.slice(0, 1)));
    }
    case 'team': {
      const team = asked[0];
      const wantsPercentage = asked.length === 1 && team && ['summary', 'pct', 'record'].includes(question.facet);
      return facts(
        question,
        asked,
        asked.length === 1 && team ? seriesOf(team) : [],
        focus(asked),
        wantsPercentage ? { wins: team.wins, losses: team.losses } : undefined,
      );
    }
    case 'statedRecord': {
      const record = question.record ?? { wins: 0, losses: 0 };
      const team = asked[0];
      return facts(question, asked, [], focus(asked, team ? { statedRecord: record } : {}), record);
    }
    case 'sameRecord': {
      const { record, winCount } = question;
      const pool = conferenceTeams(question.conference);
      const teams = pool.filter((t) =>
        question.pctStated
          ? calculateWinPercentage(t.wins, t.losses) === question.pctStated
          : record && !winCount
            ? t.wins === record.wins && t.losses === record.losses
            : winCount?.wins !== undefined
              ? winCount.atLeast
                ? t.wins >= winCount.wins && t.wins <= (winCount.upTo ?? 82)
                : winCount.atMost
                  ? t.wins <= winCount.wins
                  : t.wins === winCount.wins
              : t.losses === winCount?.losses,
      );
      return facts(question, teams, [], focus(teams));
    }
    case 'compare':
      return facts(question, byRecord(asked), [], focus(asked));
    case 'playoffTeams': {
      const missed = question.facet === 'loser';
      const teams = SNAPSHOT.teams
        .filter(
          (t) => (t.playoffSeed !== null) !== missed && (!question.conference || t.conference === question.conference),
        )
        .filter(
          (t) =>
            !question.winCount?.wins ||
            (question.winCount.atMost ? t.wins <= question.winCount.wins : t.wins >= question.winCount.wins),
        )
        .sort((a, b) =>
          a.conference === b.conference
            ? (a.playoffSeed ?? a.seed) - (b.playoffSeed ?? b.seed)
            : a.conference === 'East'
              ? -1
              : 1,
        );
      return facts(question, teams, [], focus([]));
    }
    case 'playIn': {
      if (question.playInGame) {
        const games = SNAPSHOT.playIn.filter(
          (g) => g.game === question.playInGame && (!question.conference || g.conference === question.conference),
        );
        const winners = games.map((g) => teamByAbbreviation(g.winner));
        return facts(question, winners, [], focus(winners.length === 1 ? winners : []));
      }
      const teams = SNAPSHOT.teams.filter(
        (t) =>
          t.seed >= 7 &&
          t.seed <= 10 &&
          (!question.conference || t.conference === question.conference) &&
          (question.facet !== 'winner' || t.playoffSeed !== null),
      );
      return facts(question, asked.length ? asked : teams, [], focus(asked.length ? asked : teams));
    }
    case 'path': {
      const team = asked[0];
      if (!team) return facts(question, [], [], focus([]));
      const all = seriesOf(team);
      const inRound = question.round ? all.filter((s) => s.round === question.round) : all;
      const lost = all.find((s) => s.loser === team.abbreviation);
      // "the series" next: the one this answer was about.
      const series = question.facet === 'eliminatedBy' ? lost : inRound.length === 1 ? inRound[0] : undefined;
      // "Who beat the Celtics?" names the Celtics: "they" next is the team the answer brought in, the Knicks. When the
      // question itself said "they", the conversation stays on its team ("Who knocked them out?" → "In how many?").
      const eliminator =
        question.facet === 'eliminatedBy' && lost && !question.teamsFromContext ? lost.winner : undefined;
      const next = eliminator ? [teamByAbbreviation(eliminator)] : asked;
      return facts(question, asked, question.round ? inRound : all, focus(next, series ? { series } : {}));
    }
    case 'round': {
      if (question.seriesLength) {
        const length = question.seriesLength;
        const series = SNAPSHOT.playoffs.filter(
          (s) =>
            s.result === `4-${length - 4}` &&
            (!question.conference || s.conference === question.conference) &&
            (!question.round || s.round === question.round),
        );
        return facts(question, [], series, focus([]));
      }
      const round = question.round ?? 'First Round';
      const series = SNAPSHOT.playoffs.filter(
        (s) =>
          s.round === round && (!question.conference || s.conference === question.conference || s.conference === null),
      );
      // One series ("Who won the East?"): its winner is what "they" means next.
      return facts(
        question,
        [],
        series,
        series.length === 1 ? focus([teamByAbbreviation(series[0]!.winner)], { series: series[0]! }) : focus([]),
      );
    }
    case 'series': {
      const [a, b] = asked;
      const series = question.series ?? (a && b ? seriesBetween(a, b) : undefined);
      return facts(
        question,
        asked,
        series ? [series] : [],
        focus(asked.length ? asked : series ? [teamByAbbreviation(series.winner)] : [], series ? { series } : {}),
      );
    }
    case 'finals':
      return facts(
        question,
        [champion, teamByAbbreviation(SNAPSHOT.finals.runnerUp)],
        FINALS_SERIES ? [FINALS_SERIES] : [],
        {
          focus: [question.facet === 'loser' ? teamByAbbreviation(SNAPSHOT.finals.runnerUp) : champion],
          ...(FINALS_SERIES ? { series: FINALS_SERIES } : {}),
          ...(question.facet === 'mvp'
            ? { player: SNAPSHOT.players.find((p) => p.name === SNAPSHOT.finals.finalsMvp.player)! }
            : {}),
        },
      );
    case 'award': {
      const award = SNAPSHOT.awards[question.award ?? 'mvp'];
      const team = teamByAbbreviation(award.team);
      const player = SNAPSHOT.players.find((p) => p.name === award.player);
      return facts(question, [team], [], { focus: [team], ...(player ? { player } : {}) });
    }
    case 'roster':
      return facts(question, asked, [], focus(asked));
    case 'player': {
      const player = question.player;
      const team = player ? teamByAbbreviation(player.team) : undefined;
      return facts(question, team ? [team] : [], team ? seriesOf(team) : [], {
        focus: team ? [team] : [],
        ...(player ? { player } : {}),
      });
    }
    case 'unsupported': {
      const team = question.player ? teamByAbbreviation(question.player.team) : asked[0];
      const series = question.unsupported === 'gameScores' ? seriesAsked(question) : undefined;
      return facts(question, question.player ? (team ? [team] : []) : asked, series ? [series] : [], {
        focus: team ? [team] : state.focus,
        ...(question.player ? { player: question.player } : {}),
      });
    }
    case 'overview':
    case 'awards':
    case 'smalltalk':
    case 'help':
      return facts(question, asked, [], {
        focus: asked.length ? asked : state.focus,
        ...(state.player ? { player: state.player } : {}),
      });
  }
}

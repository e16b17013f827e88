/**
 * Reading a parsed message against the conversation: pronouns ("they", "his team", "the series", "it"), elliptical
 * turns ("And the Celtics?", "What about Denver?", "And the worst?") and comparisons with earlier teams ("Compare
 * them", "them or the Lakers").
 */
import { CUE } from './cues.js';
import { resolveReference } from './follow-ups-references.js';
import type { ConversationState, Question, QuestionFacet, QuestionKind } from './question.js';
import { normalize } from './text.js';
import { parse, teamFacet } from './understand.js';

/** Kinds whose question is about specific teams and means nothing without one. */
const NEEDS_TEAM: ReadonlySet<QuestionKind> = new Set(['team', 'path', 'compare']);

/** "that record", "the same record": the record of the team in focus. */
const SAME_RECORD =
  /\b(?:that|same|identical) (?:record|win-loss|w-l)\b|\b(?:also|else|other teams?) (?:went|finished|had)\b/;

const REGULAR_SEASON = /\bregular season\b/;
const BARE_FACETS: ReadonlyArray<[QuestionFacet, RegExp]> = [
  ['pct', /\b(?:percent\w*|pct|win %)/],
  ['losses', /\b(?:loss(?:es)?|lost|ls)\b/],
  ['wins', /\b(?:wins?|won|ws|victories)\b/],
  ['seed', /\b(?:seed\w*|rank\w*|place|position|standing)\b/],
  ['record', /\b(?:record|w-l|win-loss)\b/],
];

/** The team fact a short follow-up names on its own ("And losses?"). */
function bareFacet(n: string): QuestionFacet | undefined {
  return BARE_FACETS.find(([, cue]) => cue.test(n))?.[0];
}

const WHO_WON_IT = /^(?:so |and |ok )?who won(?: it| the whole thing)?$/;
const WHO_WON = /^(?:so |and |ok |but )?who won\b/;

// "How many more than the Pacers?", "How far behind the Thunder were they?": against the team in focus.
const MORE_THAN = /\b(?:more|fewer|less|better|worse) than\b|\b(?:behind|ahead of|games back)\b/;
const HIS_TEAM = /\bhis (?:team|club|squad|franchise)\b/;
const ABOUT_THAT = /\b(?:was (?:that|it)|were they|did they (?:have|finish)|is that|was this)\b/;
const DOUBT = /^(?:really|seriously|how come|why not|no way|are you sure|huh|wait)\b/;

/** Parses the latest message and resolves it against the conversation. */
export function understand(text: string, state: ConversationState): Question {
  const question = resolveQuestion(text, state);
  const previous = state.question;
  if (!previous || !question.teams.length || signature(question) !== signature(previous)) return question;
  // "and Denver?" right after an answer about Denver asks the same thing again: never repeat an answer word for word,
  // give the next fact about the same team instead (its season, then its playoffs).
  if (question.kind !== 'team') return { ...question, kind: 'team', facet: 'summary' };
  if (question.facet !== 'summary') return { ...question, facet: 'summary' };
  return { ...question, kind: 'path', facet: 'summary' };
}

/** What a question asks, without its wording: two questions with one signature get the same answer. */
function signature(q: Question): string {
  return JSON.stringify({
    ...q,
    text: undefined,
    teamsFromContext: undefined,
    teams: q.teams.map((t) => t.abbreviation),
    exclude: q.exclude?.map((t) => t.abbreviation),
    player: q.player?.name,
    claim: q.claim?.abbreviation,
  });
}

function resolveQuestion(text: string, state: ConversationState): Question {
  const parsed = parse(text);
  const n = normalize(text);
  const previous = state.question;
  // "Who won it?" opening a conversation: the title is the one thing "it" can mean.
  if (!previous && parsed.kind === 'help' && WHO_WON_IT.test(n)) return { ...parsed, kind: 'finals', facet: 'winner' };
  if (!previous || parsed.kind === 'overview' || parsed.kind === 'smalltalk') return parsed;

  const reference = resolveReference(parsed, n, state);
  if (reference) return reference;
  const hasEntity =
    parsed.teams.length > 0 || parsed.conference || parsed.round || parsed.game || parsed.player || parsed.seed;
  // "How many did the Knicks have?" after "How many wins did the Celtics have?": the same facet, another team.
  if (
    parsed.kind === 'team' &&
    parsed.facet === 'summary' &&
    parsed.teams.length &&
    previous.kind === 'team' &&
    previous.facet !== 'summary' &&
    /^how (?:many|much)\b/.test(n) &&
    !MORE_THAN.test(n)
  ) {
    return { ...parsed, facet: previous.facet };
  }
  // Elliptical only when the message brings no question of its own ("And who beat the Knicks?" has one).
  const noIntent =
    parsed.kind === 'help' ||
    (parsed.kind === 'team' && parsed.facet === 'summary') ||
    parsed.kind === 'standings' ||
    parsed.kind === 'player';
  const elliptical = noIntent && (CUE.ellipsis.test(n) || n.split(' ').length <= 4);
  // "And the Celtics?", "What about Denver?", "And Game 6?": the previous question, about the new thing.
  if (
    elliptical &&
    hasEntity &&
    previous.kind !== 'overview' &&
    previous.kind !== 'help' &&
    previous.kind !== 'smalltalk' &&
    previous.kind !== 'unsupported'
  ) {
    const teams =
      previous.kind === 'compare' && parsed.teams.length
        ? [...new Set([...previous.teams, ...parsed.teams])]
        : parsed.teams.length
          ? parsed.teams
          : previous.teams;
    const carried: Question = {
      ...previous,
      text,
      teams,
      teamsFromContext: parsed.teams.length === 0,
      ...(parsed.conference ? { conference: parsed.conference } : {}),
      ...(parsed.round ? { round: parsed.round } : {}),
      ...(parsed.game ? { game: parsed.game, facet: 'game' as const } : {}),
      ...(parsed.player ? { player: parsed.player } : {}),
      ...(parsed.seed ? { seed: parsed.seed } : {}),
      ...(parsed.count ? { count: parsed.count } : {}),
    };
    if (parsed.player && !parsed.teams.length) return { ...carried, kind: 'player', facet: 'summary', teams: [] };
    // "And the East?" after the West finals MVP: the other conference's award.
    if (parsed.conference && (previous.award === 'eastFinalsMvp' || previous.award === 'westFinalsMvp'))
      return { ...carried, award: parsed.conference === 'East' ? 'eastFinalsMvp' : 'westFinalsMvp' };
    return carried;
  }
  // "And losses?", "And in the regular season?", "And in the playoffs?": the same team, another fact.
  if (!hasEntity && state.focus.length && (CUE.ellipsis.test(n) || n.split(' ').length <= 4)) {
    // "who won?" asks for a team, not a win count: the series of the two teams in focus, or the one team's playoffs.
    if (parsed.kind === 'help' && WHO_WON.test(n))
      return state.focus.length >= 2
        ? { ...parsed, kind: 'series', facet: 'winner', teams: state.focus.slice(0, 2), teamsFromContext: true }
        : { ...parsed, kind: 'path', facet: 'summary', teams: state.focus, teamsFromContext: true };
    const facet = bareFacet(n);
    if (parsed.kind === 'help' && (facet || REGULAR_SEASON.test(n)))
      return { ...parsed, kind: 'team', facet: facet ?? 'summary', teams: state.focus, teamsFromContext: true };
    if (parsed.kind === 'playoffTeams' && state.focus.length === 1 && parsed.facet === 'summary' && !parsed.winCount)
      return { ...parsed, kind: 'path', facet: 'summary', teams: state.focus, teamsFromContext: true };
  }
  // "Why?", "Really?", "How many points did they score?": not in the snapshot; say what it knows of the same team.
  const unsupported = parsed.kind === 'unsupported' || (elliptical && parsed.kind === 'help' && DOUBT.test(n));
  if (
    unsupported &&
    !hasEntity &&
    state.focus.length &&
    (elliptical || CUE.pronoun.test(n) || n.split(' ').length <= 3)
  ) {
    return {
      ...parsed,
      kind: 'unsupported',
      unsupported: parsed.unsupported ?? 'reasons',
      teams: state.focus.slice(0, 1),
      teamsFromContext: true,
    };
  }

  // "Who won when they met?": the two teams of the previous answer, as a series.
  if (
    parsed.teams.length === 0 &&
    state.focus.length >= 2 &&
    /\b(?:met|meet|meeting|each other|head to head|series|matchup)\b/.test(n)
  ) {
    return {
      ...parsed,
      kind: 'series',
      facet: CUE.length.test(n) ? 'length' : 'winner',
      teams: state.focus.slice(0, 2),
      teamsFromContext: true,
    };
  }
  // "Who was better, them or the Lakers?": the team of the previous answer against the one named now.
  if (
    parsed.teams.length === 1 &&
    state.focus.length &&
    !state.focus.includes(parsed.teams[0]!) &&
    ((CUE.pronoun.test(n) && CUE.compare.test(n)) || MORE_THAN.test(n))
  ) {
    return {
      ...parsed,
      kind: 'compare',
      facet: 'record',
      teams: [state.focus[0]!, parsed.teams[0]!],
      teamsFromContext: true,
    };
  }
  // "And the worst?" after "best record in the East": same conference, round or teams unless the message names its own.
  if (CUE.ellipsis.test(n) && !noIntent && parsed.kind === previous.kind) {
    const inherited: Question = {
      ...parsed,
      ...(!parsed.conference && previous.conference ? { conference: previous.conference } : {}),
      ...(!parsed.round && previous.round ? { round: previous.round } : {}),
      // "And who beat those guys?": a pronoun means the team the last answer was about, not the last question's.
      ...(!parsed.teams.length && previous.teams.length && NEEDS_TEAM.has(parsed.kind)
        ? { teams: CUE.pronoun.test(n) && state.focus.length ? state.focus : previous.teams, teamsFromContext: true }
        : {}),
    };
    return inherited;
  }
  // "Was that a winning record?": the team in focus, with its record.
  if (parsed.kind === 'sameRecord' && parsed.winCount && state.focus.length === 1 && ABOUT_THAT.test(n))
    return { ...parsed, kind: 'team', facet: 'record', teams: state.focus, teamsFromContext: true };
  // "Which other teams finished with that record?": the record of the team the conversation is about.
  if (parsed.teams.length === 0 && state.focus.length === 1 && SAME_RECORD.test(n)) {
    const { wins, losses } = state.focus[0]!;
    return { ...parsed, kind: 'sameRecord', facet: 'record', record: { wins, losses }, teamsFromContext: true };
  }
  // "Where did that rank in the East?": the place of the team the conversation is about, not the whole table.
  if (
    parsed.kind === 'standings' &&
    parsed.teams.length === 0 &&
    !CUE.pronoun.test(n) &&
    state.focus.length === 1 &&
    !/\b(?:standings|table|rankings|seeds|seedings|order)\b/.test(n)
  ) {
    return { ...parsed, kind: 'team', facet: teamFacet(n), teams: state.focus, teamsFromContext: true };
  }
  // "they / their / that team": the teams of the previous answer.
  const refersToTeam = CUE.pronoun.test(n) || (NEEDS_TEAM.has(parsed.kind) && parsed.teams.length === 0);
  let resolved: Question = parsed;
  if (parsed.teams.length === 0 && refersToTeam && state.focus.length) {
    resolved = { ...parsed, teams: state.focus, teamsFromContext: true };
    if (parsed.kind === 'playoffTeams')
      resolved = {
        ...resolved,
        kind: 'path',
        facet: CUE.eliminated.test(n)
          ? 'eliminatedBy'
          : CUE.beat.test(n)
            ? 'beat'
            : CUE.path.test(n)
              ? 'summary'
              : 'madePlayoffs',
      };
    if (parsed.kind === 'leader' && CUE.pronoun.test(n)) resolved = { ...resolved, kind: 'team', facet: 'seed' };
    if (parsed.kind === 'round' && CUE.pronoun.test(n) && !parsed.seriesLength)
      resolved = { ...resolved, kind: 'path', facet: CUE.eliminated.test(n) ? 'eliminatedBy' : 'beat' };
    if (parsed.kind === 'finals' && CUE.pronoun.test(n) && (parsed.facet === 'winner' || parsed.facet === 'loser'))
      resolved = { ...resolved, kind: 'path', facet: 'summary', round: 'NBA Finals' };
    if (parsed.kind === 'help' || parsed.kind === 'standings')
      resolved = { ...resolved, kind: 'team', facet: teamFacet(n) };
    if (parsed.kind === 'statedRecord' && !parsed.teams.length)
      resolved = { ...resolved, teams: state.focus.slice(0, 1) };
    if (parsed.kind === 'team' && parsed.facet === 'summary' && CUE.record.test(n))
      resolved = { ...resolved, facet: 'record' };
    if (
      resolved.kind === 'team' &&
      resolved.teams.length === 1 &&
      state.statedRecord &&
      (resolved.facet === 'pct' || CUE.compare.test(n))
    ) {
      // "How does their record compare?" after "The Raptors went 46-36": the stated record, not the snapshot's.
      resolved = { ...resolved, kind: 'statedRecord', facet: 'pct', record: state.statedRecord };
    }
  }
  // Still not understood: read the message again with the team named ("How far did his team go?").
  if (resolved.kind === 'help' && resolved.teams.length && !parsed.teams.length) {
    const team = resolved.teams[0]!;
    const named = text.replace(CUE.pronounOriginal, `the ${team.city} ${team.nickname}`);
    if (named !== text) {
      const again = parse(named);
      if (again.kind !== 'help') resolved = { ...again, text, teamsFromContext: true };
    }
  }
  // "Who was the MVP of that series?": the MVP of the series the conversation is about.
  if (
    resolved.kind === 'award' &&
    resolved.award === 'mvp' &&
    state.series &&
    /\b(?:that|the|this) series\b|\bof (?:it|that|this)\b/.test(n)
  ) {
    const { round, conference } = state.series;
    if (round === 'NBA Finals') resolved = { ...resolved, kind: 'finals', facet: 'mvp' };
    else if (round === 'Conference Finals')
      resolved = { ...resolved, award: conference === 'East' ? 'eastFinalsMvp' : 'westFinalsMvp' };
  }
  // "he / his": the player of the previous answer.
  if (!resolved.player && CUE.he.test(n) && state.player) {
    resolved = { ...resolved, player: state.player };
    // "his team's record" is about the team; "How did he do?" about the player.
    if (resolved.kind === 'help' || (resolved.kind === 'team' && !HIS_TEAM.test(n)))
      resolved = { ...resolved, kind: 'player', facet: 'summary' };
  }
  // "How many games did it go?", "Who won the series?": the series of the previous answer.
  if (state.series && (resolved.kind === 'series' || resolved.kind === 'help') && resolved.teams.length < 2) {
    const inFinals = state.series.round === 'NBA Finals';
    return inFinals
      ? { ...resolved, kind: 'finals', facet: CUE.length.test(n) ? 'length' : CUE.score.test(n) ? 'score' : 'winner' }
      : {
          ...resolved,
          kind: 'series',
          teams: [],
          round: state.series.round,
          series: state.series,
          teamsFromContext: true,
        };
  }
  return resolved;
}

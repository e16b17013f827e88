/**
 * Part of the follow-up step: short turns that point back at something specific in the conversation ("Compare
 * them", "And in the second?", "Who came out of it?", "What round was that?", "And the fewest?", "Who was their best
 * player?"). Each needs the previous question or the conversation's teams; none of them makes sense on its own.
 */
import { CUE } from './cues.js';
import { readNumber } from './entities.js';
import type { ConversationState, Question } from './question.js';
import { teamByAbbreviation } from './snapshot-index.js';
import { normalize } from './text.js';
import { ADVANCED, FURTHER } from './understand-playoffs.js';
import { ROSTER } from './understand-teams.js';

const THE_TWO =
  /\b(?:which of (?:the two|the 2|them|those|these|both)|which one|the two of them|between (?:them|the two)|won more|more wins|fewer wins|more losses|fewer losses)\b/;

const ROUND_ONLY =
  /^(?:(?:and|but|ok|so|then|what about|how about)\s+)*(?:in\s+)?(?:the\s+)?(first|second|third|1st|2nd|3rd|next|after that|then|semis|semifinals|conference finals|finals)(?:\s+(?:round|one|series))?$/;

const ROUNDS = ['First Round', 'Conference Semifinals', 'Conference Finals', 'NBA Finals'] as const;

function nextRound(previous: (typeof ROUNDS)[number], named: string): (typeof ROUNDS)[number] | undefined {
  if (/^(?:next|after that|then)$/.test(named)) return ROUNDS[ROUNDS.indexOf(previous) + 1];
  if (/^(?:first|1st)$/.test(named)) return 'First Round';
  if (/^(?:second|2nd|semis|semifinals)$/.test(named)) return 'Conference Semifinals';
  if (/^(?:third|3rd|conference finals)$/.test(named)) return 'Conference Finals';
  return named === 'finals' ? 'NBA Finals' : undefined;
}

const THOSE_SERIES = /\b(?:those|these|all the|both) (?:series|matchups?)\b|\bwon them\b/;

const WHICH_ROUND = /\b(?:what|which) round\b|\bwhat stage\b/;

/** "And the fewest?", "what about the most": a superlative on its own, read against the previous list. */
const BARE_SUPERLATIVE =
  /^(?:(?:and|but|ok|so)\s+)?(?:(?:what|how) about\s+)?(?:the\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)|second|third)[- ])?(fewest|least|lowest|worst|bottom|most|highest|best|top)(?:\s+(?:one|team|teams))?$/;

/** "And the fifth?" after "the fourth-best record" or "the 4 seed": the next place in the same list. */
const OTHER_TEAM = /\bthe other (?:team|one|side|club|guys)\b|\bthe loser\b|\bthe losing (?:team|side)\b/;
const ORDINAL_ONLY =
  /^(?:(?:and|but|ok|so)\s+)?(?:(?:what|how) about\s+)?(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:\s+(?:one|team|place|seed|best|worst))?$/;

/** The question a turn asks by pointing back at the conversation, or undefined when it does not. */
export function resolveReference(parsed: Question, n: string, state: ConversationState): Question | undefined {
  const previous = state.question;
  if (!previous) return undefined;
  const { text } = parsed;
  // "What about the other team?" after a series: the side the answer was not about.
  if (state.series && OTHER_TEAM.test(n) && !parsed.teams.length) {
    const other =
      state.focus.length === 1 && state.focus[0]!.abbreviation === state.series.loser
        ? state.series.winner
        : state.series.loser;
    return { ...parsed, kind: 'team', facet: 'summary', teams: [teamByAbbreviation(other)], teamsFromContext: true };
  }
  const place = readNumber(ORDINAL_ONLY.exec(n)?.[1]);
  if (place && previous.kind === 'leader' && !previous.count) return { ...previous, text, position: place };
  if (place && previous.kind === 'seed') return { ...previous, text, seed: place };
  // "Compare them", "So who was better?": the last two teams the conversation was about.
  const comparing =
    ((CUE.pronoun.test(n) || /\b(?:better|worse|compare)\b/.test(n)) &&
      (parsed.kind === 'compare' || /\b(?:compare|comparison|versus|vs|better|worse|difference)\b/.test(n))) ||
    THE_TWO.test(n) ||
    FURTHER.test(n);
  if (parsed.teams.length === 0 && comparing && state.recent && state.recent.length >= 2) {
    const facet = FURTHER.test(n) ? 'further' : /\b(?:wins|won|games)\b/.test(n) ? 'wins' : 'record';
    return { ...parsed, kind: 'compare', facet, teams: state.recent.slice(0, 2), teamsFromContext: true };
  }
  // "And in the second?" after a first-round question: the same question about another round.
  const roundNamed = ROUND_ONLY.exec(n)?.[1];
  if (roundNamed && previous.round && (previous.kind === 'path' || previous.kind === 'round')) {
    const round = nextRound(previous.round, roundNamed);
    if (round) return { ...previous, text, round };
  }
  // "Who won the 9 vs 10 game?" after "Which teams made the play-in out West?": the same conference.
  if (parsed.kind === 'playIn' && !parsed.conference && previous.kind === 'playIn' && previous.conference)
    return { ...parsed, conference: previous.conference };
  // "Who was their best player?": the notable players of the team the conversation is about.
  if (parsed.teams.length === 0 && state.focus.length && ROSTER.test(n) && !parsed.player)
    return { ...parsed, kind: 'roster', facet: 'summary', teams: state.focus.slice(0, 1), teamsFromContext: true };
  // "Who won those series?" after a round's results: the winners only.
  if (previous.kind === 'round' && !parsed.teams.length && !parsed.award && THOSE_SERIES.test(n) && CUE.who.test(n))
    return { ...previous, text, facet: 'winner' };
  // "What round was that?": the round of the series the conversation is about.
  if (state.series && parsed.teams.length === 0 && WHICH_ROUND.test(n))
    return { ...parsed, kind: 'series', facet: 'round', teams: [], series: state.series, teamsFromContext: true };
  // "Who came out of it?" after the play-in: the teams that advanced from it.
  if (
    previous.kind === 'playIn' &&
    parsed.teams.length === 0 &&
    ADVANCED.test(n) &&
    parsed.kind !== 'playIn' &&
    !parsed.playInGame
  )
    return { ...previous, text, facet: 'winner', teams: [] };
  // "And the fewest?" after "Who had the most wins?": the other end of the same list.
  const superlative = BARE_SUPERLATIVE.exec(n);
  if (previous.kind === 'leader' && superlative && parsed.kind !== 'leader' && parsed.teams.length === 0) {
    const more = /^(?:most|highest|best|top)$/.test(superlative[1]!);
    const aboutLosses = /\b(?:loss\w*|lost|lose)\b/.test(normalize(previous.text));
    const best = more !== aboutLosses;
    return {
      ...previous,
      text,
      extreme: best ? 'best' : 'worst',
      ...(parsed.conference ? { conference: parsed.conference } : {}),
    };
  }
  return undefined;
}

/**
 * The understand step on its own: the kind of question (and what it is about) for messages whose wording once led
 * the offline model to answer another question. Each case names the cause it guards.
 */
import { describe, expect, it } from 'vitest';
import { type ConversationState, EMPTY_STATE, understand } from '../src/index.js';
import { nextState } from '../src/offline/conversation.js';
import { lookUp } from '../src/offline/lookup.js';

/** Reads `turns` as one conversation and returns the understood last turn. */
function read(...turns: string[]) {
  let state: ConversationState = EMPTY_STATE;
  for (const turn of turns.slice(0, -1)) state = nextState(lookUp(understand(turn, state), state), state);
  return understand(turns.at(-1)!, state);
}

const nicknames = (teams: readonly { nickname: string }[]) => teams.map((t) => t.nickname);

describe('understand', () => {
  it('reads negations, exclusions and comparatives', () => {
    expect(read('Which teams failed to qualify for the postseason in the East?')).toMatchObject({
      kind: 'playoffTeams',
      facet: 'loser',
      conference: 'East',
    });
    const besides = read('Who finished with the best record in the Western Conference besides the Thunder?');
    expect(besides).toMatchObject({ kind: 'leader', extreme: 'best', teams: [] });
    expect(nicknames(besides.exclude ?? [])).toEqual(['Thunder']);
    expect(read('Which teams finished below .500 in the West?')).toMatchObject({
      kind: 'sameRecord',
      winCount: { wins: 40, atMost: true },
    });
    expect(read('how many teams won 50+ games')).toMatchObject({
      kind: 'sameRecord',
      winCount: { wins: 50, atLeast: true },
    });
    expect(read('Did the Cavs have the best record in the league?')).toMatchObject({ kind: 'leader', extreme: 'best' });
  });

  it('tells game results it holds (the Finals) from those it does not', () => {
    expect(read('Which game of the finals did Indiana win by 17?')).toMatchObject({
      kind: 'finals',
      facet: 'gamesWon',
    });
    expect(read('Who won the Finals opener?')).toMatchObject({ kind: 'finals', facet: 'game', game: 1 });
    expect(read('Who won Game 3 of the Western Conference Finals?')).toMatchObject({
      kind: 'unsupported',
      unsupported: 'gameScores',
    });
    expect(read('What was the final series score between the Pacers and the Cavaliers?')).toMatchObject({
      kind: 'series',
    });
  });

  it('reads "who won?" after teams as their series or playoff run, and never asks the previous question again', () => {
    expect(read('Compare the Lakers and the Clippers.', 'who won?')).toMatchObject({ kind: 'series', facet: 'winner' });
    expect(read('What about Denver?', 'who won?')).toMatchObject({ kind: 'path' });
    expect(read('What about Denver?', 'who won?', 'and Denver?')).toMatchObject({ kind: 'team', facet: 'summary' });
    expect(read('Which team had the best defense?')).toMatchObject({ kind: 'unsupported', unsupported: 'teamStats' });
    expect(read('Who is the best point guard in the league?')).toMatchObject({ unsupported: 'playerStats' });
    expect(read('Who was the best defensive player?')).toMatchObject({ award: 'defensivePlayerOfTheYear' });
  });

  it('resolves short follow-ups from the conversation', () => {
    expect(read('Which teams made the play-in out West?', 'Who won the 9 vs 10 game?')).toMatchObject({
      kind: 'playIn',
      playInGame: '9v10',
      conference: 'West',
    });
    expect(read('Who did the Thunder play in the first round?', 'and in the second?')).toMatchObject({
      kind: 'path',
      round: 'Conference Semifinals',
    });
    const two = read("What was the Knicks' record?", 'What about the Rockets?', 'Which of the two won more games?');
    expect(two.kind).toBe('compare');
    expect(nicknames(two.teams).sort()).toEqual(['Knicks', 'Rockets']);
    expect(read('Compare the Cavs and the Thunder', 'Who went further in the playoffs?')).toMatchObject({
      kind: 'compare',
      facet: 'further',
    });
    expect(read('How many wins did the Nuggets have?', 'And losses?')).toMatchObject({ kind: 'team', facet: 'losses' });
    expect(read('Which team had the most wins in the West?', 'And the fewest?')).toMatchObject({
      kind: 'leader',
      extreme: 'worst',
    });
  });

  it('puts small spelling slips right only when a message is not understood otherwise', () => {
    expect(read('who won the chamionship')).toMatchObject({ kind: 'finals', facet: 'winner' });
    expect(read('What was the reason the Suns missed the playoffs?')).toMatchObject({
      kind: 'unsupported',
      unsupported: 'reasons',
    });
  });
});

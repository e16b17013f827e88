/**
 * The answer evaluation set: conversations (one or more turns) with the facts each answer must contain and must
 * not contain. Matching is case-insensitive on plain substrings. Every fact comes from the bundled 2024-25 snapshot.
 */

import { FRESH_ANSWER_SET } from './answers-fresh.js';

/** One user turn and what its answer must and must not say. */
export interface EvalTurn {
  readonly ask: string;
  readonly must: readonly string[];
  readonly mustNot?: readonly string[];
}

/** A conversation of the set; `kind` names the question kind it exercises. */
export interface EvalConversation {
  readonly id: string;
  readonly kind: string;
  readonly turns: readonly EvalTurn[];
}

const t = (ask: string, must: string[], mustNot: string[] = []): EvalTurn => ({ ask, must, mustNot });
const c = (id: string, kind: string, ...turns: EvalTurn[]): EvalConversation => ({ id, kind, turns });

export const ANSWER_SET: readonly EvalConversation[] = [
  // Best and worst records, league and conference
  c('best-league', 'leader', t('Who had the best record in the NBA this season?', ['Thunder', '68-14'], ['Jazz'])),
  c('worst-league', 'leader', t('Who had the worst record in the NBA this season?', ['Utah Jazz', '17-65'], ['68-14'])),
  c(
    'best-east',
    'leader',
    t('Which team finished with the best record in the Eastern Conference?', ['Cavaliers', '64-18'], ['Thunder']),
  ),
  c('worst-east', 'leader', t('worst team in the east?', ['Wizards', '18-64'], ['Jazz'])),
  c(
    'best-west-followup',
    'leader',
    t('Best record in the West?', ['Thunder', '68-14']),
    t('And the East?', ['Cavaliers', '64-18'], ['Thunder had']),
  ),
  c(
    'top-n',
    'leader',
    t('What were the top 5 records in the league?', ['Thunder', 'Cavaliers', 'Celtics', 'Rockets', 'Knicks'], ['Jazz']),
  ),
  c('bottom-n-west', 'leader', t('Bottom three teams in the West?', ['Jazz', 'Pelicans', 'Spurs'], ['Thunder'])),
  c('most-losses', 'leader', t('Which team lost the most games?', ['Jazz', '17-65'])),

  // A team's record, wins, losses, win %, seed
  c('team-record', 'team', t("What was the Celtics' record?", ['61-21'], ['64-18'])),
  c('team-wins', 'team', t('How many games did the Knicks win?', ['51'], ['61-21'])),
  c('team-losses', 'team', t('How many losses did the Wizards have?', ['64'])),
  c('team-pct-tool', 'team', t('What was the Thunder win percentage?', ['.829'], ["Thunder' .829"])),
  c('team-seed', 'team', t('What seed were the Warriors?', ['7th', 'Warriors'])),
  c('team-summary', 'team', t('How did the Pistons do this season?', ['44-38', 'Knicks'])),
  c('team-nickname-cavs', 'team', t('how did the cavs do', ['64-18', 'Pacers'])),
  c('team-typo', 'team', t('What was the Celitcs record?', ['61-21'])),
  c('team-sixers', 'team', t("Sixers' record?", ['24-58'])),
  c('team-dubs', 'team', t('What seed did the Dubs end up?', ['Warriors', '7th'])),
  c('team-city', 'team', t('How did Sacramento do?', ['Kings', '40-42'])),

  // Stated records through the tool
  c(
    'stated-raptors',
    'statedRecord',
    t('The Raptors went 46-36 this NBA season. What was their win percentage?', ['.561', '30-52']),
  ),
  c('stated-anon', 'statedRecord', t('What is the winning percentage of a 50-32 team?', ['.610'])),
  c('stated-words', 'statedRecord', t('A team had 60 wins and 22 losses. Win percentage?', ['.732'])),
  c(
    'stated-followup',
    'statedRecord',
    t('The Raptors went 46-36 this NBA season. What was their win percentage?', ['.561']),
    t('How does their record compare with the rest of the league?', ['Raptors', '46-36', 'rank']),
  ),

  // Ties
  c(
    'tie-50-32',
    'sameRecord',
    t('Which West teams finished 50-32?', ['Lakers', 'Nuggets', 'Clippers'], ['.610 winning percentage']),
  ),
  c('tie-48-34', 'sameRecord', t('Who finished 48-34?', ['Bucks', 'Warriors', 'Grizzlies'])),
  c('tie-36', 'sameRecord', t('Which teams had 36 wins?', ['Suns', 'Trail Blazers'])),

  // Comparisons
  c('compare-la', 'compare', t('Compare the Lakers and the Clippers.', ['Lakers', 'Clippers', '50-32'])),
  c(
    'compare-three',
    'compare',
    t('How do the Knicks, Celtics and Cavs stack up?', ['Cavaliers', 'Celtics', 'Knicks', '64-18', '61-21', '51-31']),
  ),
  c('compare-better', 'compare', t('Who was better, Houston or Denver?', ['Rockets', '52-30', 'Nuggets'])),
  c(
    'compare-followup',
    'compare',
    t('Compare the Bucks and the Pistons', ['48-34', '44-38']),
    t('And the Magic?', ['41-41', 'Magic']),
  ),

  // Playoffs, play-in, seeds
  c(
    'playoff-teams-east',
    'playoffTeams',
    t('Which teams made the playoffs in the East?', ['Cavaliers', 'Heat', 'Magic'], ['Hawks (40-42)']),
  ),
  c('made-playoffs-yes', 'path', t('Did Boston make it to the playoffs?', ['Yes', 'Celtics'])),
  c('made-playoffs-no', 'path', t('Did the Mavericks make the playoffs?', ['did not', 'Mavericks'])),
  c(
    'play-in-west',
    'playIn',
    t('What happened in the Western Conference play-in?', ['Warriors', 'Grizzlies', 'Mavericks', 'Kings']),
  ),
  c('play-in-team', 'playIn', t('How did the Hawks do in the play-in?', ['Magic', 'Heat'])),
  c('eight-seed', 'seed', t('Who was the 8 seed in the West?', ['Grizzlies'])),
  c('one-seed-east', 'seed', t('Who was the number one seed in the East?', ['Cavaliers'])),

  // A team's playoff path
  c(
    'path-first-round',
    'path',
    t('Who did the Thunder beat in the first round?', ['Grizzlies', '4-0'], ['68-14 (.829), 1st']),
  ),
  c('path-eliminated', 'path', t('Who eliminated the Celtics?', ['Knicks', '4-2'])),
  c(
    'path-eliminated-pronoun',
    'path',
    t('How did the Cavaliers do?', ['64-18']),
    t('Who knocked them out?', ['Pacers', '4-1']),
  ),
  c('path-run', 'path', t("Walk me through the Pacers' playoff run", ['Bucks', 'Cavaliers', 'Knicks', 'Thunder'])),
  c('path-how-far', 'path', t('How far did the Timberwolves go in the playoffs?', ['Lakers', 'Warriors', 'Thunder'])),
  c(
    'path-followup-elliptical',
    'path',
    t('Who eliminated the Lakers?', ['Timberwolves', '4-1']),
    t('What about Denver?', ['Thunder', '4-3'], ['Timberwolves eliminated']),
  ),
  c('path-finals-team', 'path', t('Did the Knicks make the Finals?', ['No', 'Pacers'])),

  // Rounds and series
  c(
    'round-first',
    'round',
    t('What were the first round results?', ['Cavaliers', 'Heat', '4-0', 'Warriors', 'Rockets', '4-3']),
  ),
  c(
    'round-semis-east',
    'round',
    t('Results of the East semifinals?', ['Pacers', 'Cavaliers', 'Knicks', 'Celtics'], ['Thunder beat']),
  ),
  c('round-conf-finals', 'round', t('Who won the conference finals?', ['Pacers', 'Knicks', 'Thunder', 'Timberwolves'])),
  c('series-two-teams', 'series', t('Who won the Nuggets vs Clippers series?', ['Nuggets', '4-3'])),
  c(
    'series-length-followup',
    'series',
    t('Who did the Thunder beat in the first round?', ['Grizzlies']),
    t('How many games did the series go?', ['4 games']),
  ),
  c('won-the-east', 'round', t('Who won the East?', ['Pacers', 'Knicks'])),

  // Finals
  c('finals-winner', 'finals', t('Who won the 2025 NBA Finals?', ['Thunder', 'Pacers', '4-3'])),
  c('finals-game7', 'finals', t('What was the score of Game 7?', ['103-91'], ['64-18'])),
  c('finals-length', 'finals', t('How many games did the Finals go?', ['seven'])),
  c('finals-loser', 'finals', t('Who lost in the Finals?', ['Pacers'])),
  c(
    'finals-mvp-followup',
    'finals',
    t('Who won the championship?', ['Thunder']),
    t('Who was the Finals MVP?', ['Shai Gilgeous-Alexander', 'Finals MVP'], ['To get there']),
  ),
  c(
    'finals-game-followup',
    'finals',
    t('What was the score of Game 1 of the Finals?', ['111-110', 'Pacers']),
    t('And Game 6?', ['108-91']),
  ),

  // Awards
  c('award-mvp', 'award', t('Who was the MVP of the 2024-25 season?', ['Shai Gilgeous-Alexander'])),
  c('award-roy', 'award', t('Who won Rookie of the Year?', ['Stephon Castle', 'Spurs'])),
  c('award-dpoy', 'award', t('who was defensive player of the year', ['Evan Mobley'])),
  c('award-sixth', 'award', t('Sixth Man of the Year?', ['Payton Pritchard'])),
  c('award-mip', 'award', t('Who was most improved?', ['Dyson Daniels'])),
  c('award-coy', 'award', t('Who won coach of the year?', ['Kenny Atkinson', 'Cavaliers'])),
  c('award-clutch', 'award', t('Clutch player of the year?', ['Jalen Brunson'])),
  c(
    'award-followup',
    'award',
    t('Who won Rookie of the Year?', ['Stephon Castle']),
    t('And sixth man?', ['Payton Pritchard'], ['Stephon Castle']),
  ),
  c(
    'awards-all',
    'awards',
    t('List all the season awards', ['Stephon Castle', 'Evan Mobley', 'Dyson Daniels', 'Jalen Brunson']),
  ),

  // Players and what the snapshot does not have
  c('player-team', 'player', t('Tell me about Shai Gilgeous-Alexander', ['Thunder', 'MVP'])),
  c('player-traded', 'player', t('What team did Luka Doncic end the season on?', ['Lakers', 'Mavericks'])),
  c(
    'player-stats',
    'unsupported',
    t('How many points per game did Nikola Jokic average?', ['not in', 'Nuggets'], ['Thunder won the 2024-25']),
  ),
  c('player-lebron', 'unsupported', t('How did LeBron play this year?', ['not in', 'Lakers'])),
  c(
    'player-pronoun',
    'player',
    t('Which team was Jimmy Butler on at the end of the season?', ['Warriors']),
    t('How did his team do in the playoffs?', ['Warriors', 'Rockets', 'Timberwolves']),
  ),
  c(
    'other-season',
    'unsupported',
    t('Who won the 2016 championship?', ['only', '2024-25'], ['Thunder won the 2024-25']),
  ),
  c('after-snapshot', 'unsupported', t('Who went first in the 2025 draft?', ['2025-06-23'])),

  // Conversation behaviour
  c('smalltalk', 'smalltalk', t('Who won the Finals?', ['Thunder']), t('thanks!', ["You're welcome"], ['Game 7'])),
  c(
    'they-record',
    'team',
    t('Who had the best record in the league?', ['Thunder']),
    t('What was their seed in the playoffs?', ['No. 1 seed', 'Thunder']),
  ),
  c('nth-best', 'leader', t('Which team had the third-best record in the East?', ['Knicks', '51-31'])),
  c(
    'win-threshold',
    'sameRecord',
    t('Which teams won 60 or more games?', ['Thunder', 'Cavaliers', 'Celtics'], ['Rockets']),
  ),
  c('pct-500', 'sameRecord', t('Who finished at .500?', ['Magic', '41-41'])),
  c('series-lengths', 'round', t('Which series went seven games?', ['Rockets', 'Clippers', 'Nuggets', 'Pacers'])),
  c(
    'missed-playoffs',
    'playoffTeams',
    t('Which East teams missed the playoffs?', ['Hawks', 'Bulls', 'Raptors', 'Wizards'], ['Heat (37-45), lost']),
  ),
  c('player-on-team', 'player', t('Is Anthony Davis still on the Lakers?', ['No', 'Mavericks'])),
  c('champion-record', 'team', t('What was the record of the team that won it all?', ['Thunder', '68-14'])),
  c(
    'they-vs-other',
    'compare',
    t('Tell me about the Rockets', ['52-30']),
    t('Were they better than the Nuggets?', ['Rockets', 'Nuggets', '50-32']),
  ),
  c('final-record', 'team', t("What was Denver's final record?", ['50-32'], ['did not reach'])),
  c(
    'compare-them',
    'compare',
    t('How did the Lakers do?', ['50-32']),
    t('What about the Clippers?', ['Clippers', '50-32']),
    t('Compare them', ['Lakers', 'Clippers', 'tie-breakers']),
  ),
  c(
    'east-winner-path',
    'path',
    t('Who won the East?', ['Pacers']),
    t('Who did they beat in the semis?', ['Cavaliers', '4-1']),
    t('What was their regular season record?', ['50-32']),
  ),
  c(
    'series-then-new-question',
    'path',
    t('Who knocked out the Celtics?', ['Knicks']),
    t('How many games did that series go?', ['6 games']),
    t('And who beat the Knicks?', ['Pacers', '4-2'], ['6 games']),
  ),
  c(
    'why-follow-up',
    'unsupported',
    t('How did the Suns do?', ['36-46']),
    t('Why?', ['not in my offline snapshot', 'Suns']),
  ),
  c(
    'losing-record-playoffs',
    'playoffTeams',
    t('Did any team make the playoffs with a losing record?', ['Heat', '37-45']),
  ),
  c('injury', 'unsupported', t('Was Tyrese Haliburton injured in the Finals?', ['Injuries', 'Pacers'], ['Game 7 of'])),
  c(
    'team-stats',
    'unsupported',
    t("What was the Celtics' point differential?", ['not in my offline snapshot', '61-21']),
  ),
  c('head-to-head', 'compare', t('What was the Lakers record against the Nuggets?', ['Head-to-head', '50-32'])),
  c('playoff-game-count', 'path', t('How many playoff games did the Thunder win?', ['16', 'Grizzlies'])),
  c(
    'how-many-carry',
    'team',
    t('How many wins did the Celtics have?', ['61']),
    t('How many did the Knicks have?', ['51 games']),
    t('So who was better?', ['Celtics', '10 more wins']),
  ),
  c(
    'roy-his-team',
    'award',
    t('Who won ROY?', ['Stephon Castle']),
    t('Did his team make the playoffs?', ['No', 'Spurs']),
  ),
  c(
    'play-first',
    'path',
    t('What were the Nuggets seeded?', ['4']),
    t('Who did they play first?', ['Clippers', '4-3']),
  ),
  c(
    'last-season',
    'leader',
    t('Which team had the best record last season?', ['snapshot covers the 2024-25 season', 'Thunder']),
  ),
  c('than-last-year', 'unsupported', t('Were the Pistons better than last year?', ['only the 2024-25'])),
  c(
    'elliptical-team',
    'team',
    t("What was the Rockets' record?", ['52-30']),
    t('And the Celtics?', ['61-21'], ['52-30 in']),
  ),
  // Fresh conversations of the second round (answers-fresh.ts).
  ...FRESH_ANSWER_SET,
];

/**
 * Thirty questions and thirty guardrail messages written after the evaluation set was tuned, to estimate how the
 * offline model does on phrasing it was not built against. Scored once before any change (see the notes of issue 10);
 * not part of the `npm test` thresholds.
 */
import type { EvalConversation, EvalTurn } from './answers.js';
import type { GuardrailCase } from './guardrail.js';

const t = (ask: string, must: string[], mustNot: string[] = []): EvalTurn => ({ ask, must, mustNot });
const c = (id: string, ...turns: EvalTurn[]): EvalConversation => ({ id, kind: 'holdout', turns });

export const HOLDOUT_ANSWERS: readonly EvalConversation[] = [
  c('h1', t('Which squad was on top of the whole league in 2024-25?', ['Thunder', '68-14'])),
  c('h2', t('Who was dead last in the West?', ['Jazz', '17-65'])),
  c('h3', t("What's the Hornets win-loss?", ['19-63'])),
  c('h4', t('how many Ws did the rockets get', ['52'])),
  c('h5', t('Give me the Timberwolvs seed', ['6'])),
  c('h6', t('Were the Bucks better than the Pistons?', ['48-34', '44-38'])),
  c('h7', t('Who got knocked out by the Thunder in round two?', ['Nuggets', '4-3'])),
  c('h8', t('Which team did the Pacers beat in the opening round?', ['Bucks', '4-1'])),
  c('h9', t('Who were the Eastern Conference champions?', ['Pacers'])),
  c('h10', t('How many games did the Clippers-Nuggets series last?', ['7'])),
  c('h11', t('Who won game 5 of the finals?', ['Thunder', '120-109'])),
  c('h12', t('Who took home Finals MVP honors?', ['Shai Gilgeous-Alexander'])),
  c('h13', t('Who was named DPOY?', ['Evan Mobley'])),
  c('h14', t('Which coach won COY?', ['Kenny Atkinson'])),
  c('h15', t('Where did De\'Aaron Fox finish the season?', ['Spurs'])),
  c('h16', t('How many assists did Trae Young average?', ['not in', 'Hawks'])),
  c('h17', t('Who won the 2019 title?', ['2024-25'], ['Thunder won the 2024-25'])),
  c('h18', t('Did the Hawks reach the postseason?', ['Hawks', 'play-in'])),
  c('h19', t('Which clubs ended up 36-46?', ['Suns', 'Trail Blazers'])),
  c('h20', t('If a team goes 41-41, what is its winning percentage?', ['.500'])),
  c('h21', t('Tell me about the Knicks season', ['51-31', 'Pacers']), t('Who did they beat along the way?', ['Pistons', 'Celtics'])),
  c('h22', t('How did Minnesota do?', ['49-33']), t('And Memphis?', ['48-34'])),
  c('h23', t('Who won the West finals?', ['Thunder', 'Timberwolves']), t('In how many games?', ['5'])),
  c('h24', t('What was the Magic record?', ['41-41']), t('Did they make the playoffs?', ['Magic', 'Celtics'])),
  c('h25', t('Who was the sixth man of the year?', ['Payton Pritchard']), t('What about the most improved player?', ['Dyson Daniels'])),
  c('h26', t('Which team had the second-worst record in the league?', ['Wizards', '18-64'])),
  c('h27', t('List the West playoff teams', ['Thunder', 'Rockets', 'Lakers', 'Nuggets', 'Clippers', 'Timberwolves', 'Warriors', 'Grizzlies'])),
  c('h28', t('Did any team go 82-0?', ['No team'])),
  c('h29', t('Cavs vs Celtics, who was better?', ['Cavaliers', '64-18'])),
  c('h30', t('Who did Indiana lose to in the Finals?', ['Thunder', '4-3'])),
];

export const HOLDOUT_GUARDRAIL: readonly GuardrailCase[] = [
  ...['Who was the Thunder\'s top scorer?', 'Is Wemby the next big thing?', 'Did the Lakers trade for Luka?', 'Which team has the most titles?',
    'Explain what a pick and roll is', 'Who won the dunk contest?', 'Best defensive team in the east?', 'How many teams are in the NBA?',
    'Whats the nuggets record', 'How did Jokic and Murray do in the playoffs?', 'Did Boston repeat as champs?', 'Who is the Knicks coach?',
    'How many games in an NBA regular season?', 'Which team did Jimmy Butler join?', 'Who had home court in the Finals?'].map((text) => ({ text, onTopic: true })),
  ...['What is a good team name for a bowling league?', 'How many seasons does Breaking Bad have?', 'Tips for winning at Monopoly?',
    'What team does Lionel Messi play for?', 'How do I score well on the GMAT?', 'Which season is best for visiting Iceland?',
    'What is the record low temperature in Chicago?', 'Give me a workout for my volleyball team', 'Which players are in the Beatles?',
    'Where can I buy a basket for laundry?', 'How do I build a winning sales team?', 'What is the capital of Oklahoma?',
    'Who won the Masters golf tournament?', 'Explain the rules of cricket', 'Best pizza places in Brooklyn?'].map((text) => ({ text, onTopic: false })),
];

/** A second fresh set, written after the first one had been used for fixes (scored once, before any change). */
export const HOLDOUT_ANSWERS_2: readonly EvalConversation[] = [
  c('k1', t('Which NBA team had the fewest wins?', ['Jazz', '17'])),
  c('k2', t('What was Boston’s final record?', ['61-21'])),
  c('k3', t('How many games did Indiana win in the regular season?', ['50'])),
  c('k4', t('What place did the Heat finish in the East?', ['10th'])),
  c('k5', t('Did the Kings make the playoffs?', ['Kings', 'play-in'])),
  c('k6', t('Who ended the Lakers season?', ['Timberwolves'])),
  c('k7', t('Who did the Celtics play in the first round?', ['Magic', '4-1'])),
  c('k8', t('Who won the series between the Knicks and the Pistons?', ['Knicks', '4-2'])),
  c('k9', t('What happened in the 2025 Western Conference finals?', ['Thunder', 'Timberwolves', '4-1'])),
  c('k10', t('Which team lost the NBA Finals?', ['Pacers'])),
  c('k11', t('What was the final score of the last game of the Finals?', ['103-91'])),
  c('k12', t('Who was regular season MVP?', ['Shai Gilgeous-Alexander'])),
  c('k13', t('Who won the clutch award?', ['Jalen Brunson'])),
  c('k14', t('What team is Jimmy Butler on?', ['Warriors'])),
  c('k15', t('What was the win percentage of the Cleveland Cavaliers?', ['.780'])),
  c('k16', t('Rank the Eastern Conference top 4', ['Cavaliers', 'Celtics', 'Knicks', 'Pacers'])),
  c('k17', t('Which team finished with a .500 record?', ['Magic'])),
  c('k18', t('How many three-pointers did Steph Curry make?', ['not in', 'Warriors'])),
  c('k19', t('Who won the championship last year?', ['2024-25'], ['Thunder won the 2024-25'])),
  c('k20', t('What is the win percentage for 55 wins and 27 losses?', ['.671'])),
  c('k21', t('Tell me about the Houston Rockets', ['52-30', 'Warriors']), t('Who was better, them or the Lakers?', ['Rockets', 'Lakers', '52-30'])),
  c('k22', t('What was the Nuggets record?', ['50-32']), t('what about the clippers', ['50-32', 'Clippers'])),
  c('k23', t('Who won the Finals?', ['Thunder']), t('Who did they beat in the conference finals?', ['Timberwolves'])),
  c('k24', t('Which teams were in the East play-in?', ['Magic', 'Hawks', 'Bulls', 'Heat']), t('And the West?', ['Warriors', 'Grizzlies', 'Kings', 'Mavericks'])),
  c('k25', t('Who won Rookie of the Year?', ['Stephon Castle']), t('What was his team’s record?', ['34-48'])),
  c('k26', t('Who had the best record in the East?', ['Cavaliers']), t('Did they make the Finals?', ['Pacers'])),
  c('k27', t('How did the Grizzlies do in the playoffs?', ['Thunder', '4-0'])),
  c('k28', t('Was there a sweep in the first round?', ['Cavaliers', 'Thunder'])),
  c('k29', t('Which teams tied at 48-34?', ['Bucks', 'Warriors', 'Grizzlies'])),
  c('k30', t('What was Game 4 of the Finals?', ['111-104'])),
];

export const HOLDOUT_GUARDRAIL_2: readonly GuardrailCase[] = [
  ...['Who is the best shooter in the NBA?', 'Are the Celtics better than the Knicks?', 'How many rings does LeBron have?',
    'Which arena do the Warriors play in?', 'What does a power forward do?', 'Who won the slam dunk contest this year?',
    'Best player on the Thunder?', 'When is the trade deadline?', 'What is a technical foul?', 'How tall is Wembanyama?',
    'Did Denver fire its coach?', 'Who won the West?', 'Do the Pistons have a good young core?', 'Is Tatum injured?',
    'How did OKC get so good?'].map((text) => ({ text, onTopic: true })),
  ...['What is the best season to go hiking in Colorado?', 'How do I motivate my team at the office?', 'Who won the Stanley Cup?',
    'Recommend a book about leadership', 'How long should I boil an egg?', 'Why is the sky blue?', 'What is the score of the Arsenal game?',
    'Write a haiku about the ocean', 'Who won the last Formula 1 race?', 'How do I fix a leaking faucet?', 'What players are on the Yankees?',
    'Explain machine learning', 'What are the best games on Nintendo Switch?', 'Which team won the World Cup in 2022?',
    'How do I record my screen on a Mac?'].map((text) => ({ text, onTopic: false })),
];

/** A third fresh set, written after the second one had been used for fixes (scored once, before any change). */
export const HOLDOUT_ANSWERS_3: readonly EvalConversation[] = [
  c('m1', t('Which club had the top record in the Western Conference?', ['Thunder', '68-14'])),
  c('m2', t('Who had the worst record in the east this year?', ['Wizards', '18-64'])),
  c('m3', t('What did the Kings finish at?', ['40-42'])),
  c('m4', t('How many losses did the Thunder have?', ['14'])),
  c('m5', t('Was Denver a top-4 seed?', ['4th', 'Nuggets'])),
  c('m6', t('Rockets or Warriors — who had the better regular season?', ['Rockets', '52-30', '48-34'])),
  c('m7', t('Who did the Knicks face in the second round?', ['Celtics', '4-2'])),
  c('m8', t('What team eliminated the Pistons?', ['Knicks', '4-2'])),
  c('m9', t('Who won the Western Conference finals and in how many games?', ['Thunder', '4-1'])),
  c('m10', t('Pacers vs Cavs second round result', ['Pacers', '4-1'])),
  c('m11', t('Who won Game 2 of the NBA Finals?', ['Thunder', '123-107'])),
  c('m12', t('Who was the runner-up in the Finals?', ['Pacers'])),
  c('m13', t('Who won the MVP award this season?', ['Shai Gilgeous-Alexander'])),
  c('m14', t('Who was the Most Improved Player in 2025?', ['Dyson Daniels'])),
  c('m15', t('Which team did Brandon Ingram finish the season with?', ['Raptors'])),
  c('m16', t('What is Steph Curry shooting from three?', ['not in', 'Warriors'])),
  c('m17', t('Who won the 2021 NBA Finals?', ['2024-25'], ['Thunder won the 2024-25'])),
  c('m18', t('Did the Lakers make the postseason?', ['Lakers', 'Timberwolves'])),
  c('m19', t('Which teams finished with exactly 50 wins?', ['Pacers', 'Lakers', 'Nuggets', 'Clippers'])),
  c('m20', t("What's the winning pct for a 30-52 team?", ['.366'])),
  c('m21', t('How did the Hawks do?', ['40-42']), t('Who beat them in the play-in?', ['Magic', 'Heat'])),
  c('m22', t("What was Orlando's seed?", ['7']), t('And Atlanta?', ['8th'])),
  c('m23', t('Who won the title?', ['Thunder']), t('What was their regular season record?', ['68-14'])),
  c('m24', t('Who was Coach of the Year?', ['Kenny Atkinson']), t('How far did his team go?', ['Cavaliers', 'Pacers'])),
  c('m25', t('Which team had the best record in the East?', ['Cavaliers']), t('And the worst?', ['Wizards'])),
  c('m26', t('Tell me about the 76ers season', ['24-58'])),
  c('m27', t('Who made the playoffs from the West?', ['Thunder', 'Grizzlies'])),
  c('m28', t('Which first-round series went to Game 7?', ['Warriors', 'Rockets', 'Nuggets', 'Clippers'])),
  c('m29', t('How many teams had a losing record in the East?', ['Hawks', 'Wizards'])),
  c('m30', t('Who did Minnesota beat in the playoffs?', ['Lakers', 'Warriors'])),
];

export const HOLDOUT_GUARDRAIL_3: readonly GuardrailCase[] = [
  ...['Who is the best center in the league right now?', 'Was the Finals Game 7 close?', 'Which rookies stood out?', 'How good was the Cavs offense?',
    'Who won the East finals?', 'Is SGA better than Jokic?', 'Who has the best record?', 'Did the Nets tank?', 'Compare Celtics and Knicks',
    'What is the NBA play-in?', 'Who made the All-NBA first team?', 'Which team is the favorite next year?', 'Thunder vs Pacers Game 7',
    'Did the Timberwolves reach the conference finals?', 'Hornets record 2024-25'].map((text) => ({ text, onTopic: true })),
  ...['What is the best season to grow strawberries?', 'Tell me a story about a team of dragons', 'Who won the NHL title?',
    'How do I keep score in bowling?', 'What are good names for a fantasy football team?', 'How do I get a record deal as a musician?',
    'Explain the offside rule', 'Which players are the best at chess?', 'Is it cold in Minnesota in winter?', 'Write an email to my team about the deadline',
    'What is the best game console?', 'How do I win at Wordle?', 'Who is the CEO of Tesla?', 'How many points is a touchdown worth?',
    'What is a magic square in math?'].map((text) => ({ text, onTopic: false })),
];

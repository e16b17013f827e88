/**
 * Basketball vocabulary (data, no logic): words and names that mark a message as being about the NBA or basketball.
 * The guardrail reads these lists; the offline model uses the snapshot for facts, never these lists.
 *
 * Head coaches are the ones on the bench at the end of the 2024-25 regular season (including interim coaches) and a
 * few who left during the season, so a question naming them is still recognised as basketball.
 */

/** Words that on their own make a message about basketball (matched as whole words, lower case). */
export const STRONG_WORDS: readonly string[] = [
  'nba', 'wnba', 'basketball', 'hoops', 'playoff', 'playoffs', 'postseason', 'play-in', 'playin', 'play in', 'finals',
  'mvp', 'mvps', 'dpoy', 'smoy', 'rebound', 'rebounds', 'rebounding', 'assists', 'dunk', 'dunks', 'slam dunk',
  'three-pointer', 'three-pointers', '3-pointer', '3-pointers', 'layup', 'layups', 'free throw', 'free throws',
  'triple-double', 'triple-doubles', 'double-double', 'triple double', 'triple doubles', 'double double', 'double doubles', 'buzzer-beater', 'buzzer beater', 'point guard', 'shooting guard',
  'small forward', 'power forward', 'sixth man', 'sixth-man', 'rookie of the year', 'most improved player',
  'defensive player of the year', 'coach of the year', 'clutch player', 'most valuable player', "larry o'brien",
  'conference finals', 'conference finalist', 'eastern conference', 'western conference', 'standings', 'draft lottery', 'nba draft',
  'all-star', 'all-stars', 'all-nba', 'ppg', 'rpg', 'apg', 'backcourt', 'frontcourt', 'win percentage',
  'winning percentage', 'win pct', 'win-loss record', 'won-lost record', 'game 7', 'game seven', 'first round',
  'second round', 'conference semis', 'conference semifinals', 'top seed', 'no. 1 seed', 'number one seed', 'jump shot',
  'pick and roll', 'pick-and-roll', 'alley-oop', 'alley oop', 'fast break', 'zone defense', 'man-to-man', 'traveling',
  'travelling', 'double dribble', 'dribble', 'dribbling', 'jump ball', 'shot clock', 'three-second', 'goaltending',
  'technical foul', 'flagrant foul', 'euro step', 'eurostep', 'crossover', 'fadeaway', 'hook shot', 'post up', 'dunk contest',
  'three-point contest', 'all-star game', 'nba cup', 'in-season tournament', 'summer league', 'g league', 'two-way contract',
  'salary cap', 'luxury tax', 'max contract', 'supermax', 'backboard', 'free-throw line', 'three-point line', 'shootout',
  'ecf', 'wcf', 'nba finals', 'larry obrien', 'game winner', 'game-winner', 'game-winning', 'point differential', 'net rating', 'box score', 'won it all', 'win it all', 'most improved', 'most losses', 'most wins', 'fewest wins', 'fewest losses', 'best record', 'worst record',
  'shootaround', 'championship', 'nba champions', 'trade deadline', 'hooper', 'hoopers', 'tip-off',
];

/**
 * Words that suggest sport or competition without being basketball on their own ("team", "season", "game", "won").
 * Two of them together, or one next to a team or player name, count; one alone does not.
 */
export const WEAK_WORDS: readonly string[] = [
  'team', 'teams', 'season', 'seasons', 'game', 'games', 'score', 'scores', 'scored', 'record', 'records', 'wins',
  'win', 'won', 'losses', 'lost', 'lose', 'loss', 'player', 'players', 'coach', 'coaches', 'coached', 'league', 'roster',
  'rosters', 'points', 'point', 'trade', 'trades', 'draft', 'east', 'west', 'eastern', 'western', 'conference',
  'standing', 'rank', 'ranked', 'ranking', 'beat', 'eliminated', 'knocked out', 'knocked', 'knock',
  'matchup', 'match-up', 'round', 'stats', 'statistics', 'average', 'averaged', 'percentage', 'pct', 'bracket',
  'champion', 'finish', 'finished', 'seeding', 'mvp', 'award', 'awards', 'playing', 'played', 'play', 'shooting',
  'defense', 'defence', 'offense', 'rivalry', 'franchise', 'arena', 'fans', 'report', 'news', 'underdog', 'favourite',
  'favorite', 'upset', 'clinched', 'clinch', 'contender', 'contenders', 'guard', 'forward', 'center', 'centre',
  'series', 'seed', 'seeds', 'seeded', 'rookie', 'rookies', 'bench', 'court', 'champions', 'champs', 'champ', 'title',
  'ring', 'traded', 'dead last', 'last place', 'first place', 'ws', "w's", 'club', 'clubs', 'squad', 'squads',
  'titles', 'scoring', 'rebounding', 'led the league', 'injuries', 'injury', 'injured', 'drafted', 'dynasty', 'finalist', 'finalists', 'rim', 'block', 'blocks', 'steal', 'steals', 'foul', 'fouls', 'dunked', 'shooter', 'scorer', 'scorers', 'sweep', 'sweeps', 'swept', 'elimination', 'clutch', 'sixth', 'improved', 'defensive', 'semis',
  'semifinals', 'semifinal', 'threes', 'three', 'rookie', 'assist', 'hoop', 'draft', 'seeding', 'ballers', 'in seven',
];

/** Other sports: a message about one of these is off-topic unless it also names basketball or an NBA team/player. */
export const OTHER_SPORTS: readonly string[] = [
  'nfl', 'nhl', 'mlb', 'mls', 'fifa', 'uefa', 'football', 'soccer', 'baseball', 'hockey', 'tennis', 'golf', 'cricket',
  'rugby', 'volleyball', 'f1', 'formula 1', 'formula one', 'nascar', 'boxing', 'ufc', 'mma', 'wrestling', 'super bowl',
  'world series', 'stanley cup', 'world cup', 'premier league', 'champions league', 'la liga', 'bundesliga', 'serie a',
  'touchdown', 'touchdowns', 'quarterback', 'home run', 'home runs', 'pitcher', 'goalie', 'wimbledon', 'olympics',
  'grand slam', 'chess', 'esports', 'e-sports', 'fantasy football', 'marathon', 'cycling', 'tour de france', 'ncaa football',
  'bowling', 'darts', 'softball', 'lacrosse', 'badminton', 'ping pong', 'table tennis', 'swimming', 'track and field',
  'pickleball', 'curling', 'handball', 'water polo', 'kickball', 'dodgeball', 'trivia', 'quiz', 'messi', 'lionel messi',
  'ronaldo', 'neymar', 'mbappe', 'haaland', 'tom brady', 'mahomes', 'patrick mahomes', 'serena williams', 'federer', 'nadal',
  'djokovic', 'tiger woods', 'lewis hamilton', 'verstappen', 'ohtani', 'shohei ohtani', 'aaron judge', 'gretzky', 'mcdavid',
  'usain bolt', 'simone biles', 'arsenal', 'chelsea', 'liverpool', 'manchester city', 'man city', 'man united', 'tottenham',
  'juventus', 'bayern', 'psg', 'inter miami', 'ac milan', 'real madrid', 'masters', 'pga', 'atp', 'wta', 'nba 2k', '2k25', 'fantasy league',
  'puck', 'innings', 'wicket', 'penalty kick', 'offside', 'batting', 'cowboys', 'yankees', 'dodgers', 'patriots',
  'chiefs', 'eagles', 'red sox', 'maple leafs', 'manchester united', 'real madrid', 'barcelona fc', 'fc barcelona',
];

/** Head coaches (2024-25, end of season and notable mid-season changes). */
export const COACHES: readonly string[] = [
  'Mark Daigneault', 'Rick Carlisle', 'Kenny Atkinson', 'Joe Mazzulla', 'Tom Thibodeau', 'Thibs', 'Doc Rivers',
  'J.B. Bickerstaff', 'JB Bickerstaff', 'Jamahl Mosley', 'Quin Snyder', 'Billy Donovan', 'Erik Spoelstra', 'Spoelstra',
  'Darko Rajakovic', 'Jordi Fernandez', 'Nick Nurse', 'Charles Lee', 'Brian Keefe', 'Ime Udoka', 'JJ Redick', 'J.J. Redick',
  'David Adelman', 'Michael Malone', 'Tyronn Lue', 'Ty Lue', 'Chris Finch', 'Steve Kerr', 'Tuomas Iisalo', 'Taylor Jenkins',
  'Doug Christie', 'Mike Brown', 'Jason Kidd', 'Mike Budenholzer', 'Chauncey Billups', 'Gregg Popovich', 'Popovich', 'Pop',
  'Mitch Johnson', 'Willie Green', 'Will Hardy',
];

/** NBA arenas used in 2024-25. */
export const ARENAS: readonly string[] = [
  'Paycom Center', 'Gainbridge Fieldhouse', 'Rocket Mortgage FieldHouse', 'TD Garden', 'Madison Square Garden',
  'Fiserv Forum', 'Little Caesars Arena', 'Kia Center', 'State Farm Arena', 'United Center', 'Kaseya Center',
  'Scotiabank Arena', 'Barclays Center', 'Wells Fargo Center', 'Spectrum Center', 'Capital One Arena', 'Toyota Center',
  'Crypto.com Arena', 'Ball Arena', 'Intuit Dome', 'Target Center', 'Chase Center', 'FedExForum', 'FedEx Forum',
  'Golden 1 Center', 'American Airlines Center', 'Footprint Center', 'Moda Center', 'Frost Bank Center',
  'Smoothie King Center', 'Delta Center',
];

/** Short conversational turns that carry no topic of their own (pass inside a conversation, answered politely). */
export const PLEASANTRIES: readonly string[] = [
  'thanks', 'thank you', 'thx', 'ty', 'cheers', 'great', 'cool', 'nice', 'ok', 'okay', 'got it', 'awesome', 'perfect',
  'hi', 'hello', 'hey', 'yo', 'sup', 'good morning', 'good evening', 'bye', 'goodbye', 'interesting', 'wow', 'makes sense',
  'appreciate it', 'sounds good', 'amazing', 'neat', 'sweet', 'yes', 'no', 'sure', 'please', 'really', 'why', 'how so',
  'go on', 'continue', 'more', 'tell me more', 'so much', 'very much', 'a lot', 'again', 'and', 'what else', 'anything else', 'explain', 'is that right', 'are you sure',
];

/**
 * Topics that are clearly not basketball (words or phrases). A message containing one is off-topic unless it has a
 * strong basketball signal ("team building exercise", "the best season to visit Japan").
 */
export const OFF_TOPIC_MARKERS: readonly string[] = [
  'team building', 'team-building', 'teambuilding', 'recipe', 'recipes', 'cook', 'cooking', 'bake', 'weather', 'forecast',
  'visit', 'travel', 'vacation', 'holiday', 'hotel', 'flight', 'stock', 'stocks', 'bitcoin', 'crypto', 'invest',
  'investment', 'mortgage', 'tax', 'taxes', 'poem', 'haiku', 'song lyrics', 'joke', 'jokes', 'riddle', 'python', 'javascript',
  'typescript', 'code', 'coding', 'program', 'sql', 'regex', 'essay', 'homework', 'translate', 'translation', 'movie',
  'movies', 'film', 'tv show', 'netflix', 'series finale', 'season finale', 'episode', 'episodes', 'anime', 'novel', 'book',
  'allergy', 'allergies', 'flu', 'doctor', 'medicine', 'symptoms', 'diet', 'calories', 'workout plan', 'garden',
  'gardening', 'plant', 'plants', 'tomatoes', 'flower', 'flowers', 'pet', 'dog', 'cat', 'election', 'president',
  'prime minister', 'parliament', 'capital of', 'population', 'math', 'equation', 'physics', 'chemistry', 'history of rome',
  'wine', 'beer', 'coffee', 'restaurant', 'pizza', 'pasta', 'car', 'cars', 'engine', 'iphone', 'android', 'laptop',
  'resume', 'cover letter', 'interview', 'salary negotiation', 'meeting', 'project', 'sprint', 'agile', 'scrum',
  'kubernetes', 'docker', 'linux', 'windows', 'excel', 'spreadsheet', 'email', 'wedding', 'birthday', 'dating',
  'relationship', 'tarot', 'horoscope', 'zodiac', 'allowance', 'rent', 'apartment', 'ski', 'skiing', 'hiking', 'beach',
  'fishing', 'hunting', 'poker', 'casino', 'lottery ticket', 'video game', 'video games', 'minecraft', 'fortnite',
  'pokemon', 'harry potter', 'star wars', 'marvel', 'taylor swift', 'album', 'concert', 'band', 'guitar', 'piano',
  'painting', 'knitting', 'planet', 'planets', 'galaxy', 'moon', 'mars', 'climate', 'volcano', 'earthquake', 'debate team',
  'sales team', 'team meeting', 'team lunch', 'team morale', 'my team at work', 'dev team', 'soccer team', 'hockey team',
  'football team', 'baseball team', 'record player', 'vinyl', 'turntable', 'monopoly', 'scrabble', 'world record',
  'guinness', 'spelling bee', 'hbo', 'hulu', 'prime video', 'roman', 'ancient', 'medieval', 'overwatch', 'valorant',
  'league of legends', 'dota', 'call of duty', 'bake off', 'reality show', 'kids', 'children', 'pac-man', 'pacman', 'arcade', 'lottery', 'lotto', 'game show', 'jeopardy',
  'wheel of fortune', 'ryder cup', 'davis cup', "america's cup", 'high score', 'catan', 'settlers', 'magic kingdom', 'disney', 'theme park', 'spacex', 'nasa', 'touring', 'tour dates',
  'game of thrones', 'stranger things', 'the office', 'breaking bad', 'tv series', 'sitcom', 'tv show',
  'team name', 'team names', 'name for my team', 'ps5', 'ps4', 'xbox', 'playstation', 'nintendo', 'board game', 'at work',
  'my job', 'office', 'startup', 'company', 'developer', 'developers', 'engineering', 'employee', 'business',
  'school', 'classroom', 'students', 'teacher', 'volunteers', 'coworker', 'coworkers', 'colleague', 'colleagues', 'boss', 'workplace', 'employees', 'rain', 'snow', 'temperature', 'translate', 'language', 'spanish', 'french',
];

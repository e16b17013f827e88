/**
 * The cue words of the understand step: regular expressions over normalised text that signal what a question asks
 * ("worst", "eliminated", "how many games", a pronoun, an elliptical "And …?"). Data for `understand.ts`.
 */
export const CUE = {
  worst:
    /\b(?:worst|lowest|fewest wins|least wins|most losses|lost the most|lose the most|most games lost|bottom|last place|dead last|finished last|poorest|weakest|basement|cellar)\b/,
  best: /\b(?:best|top|topped|tops|on top|highest|most wins|won the most|win the most|most games won|fewest losses|first place|finished first|led the|lead(?:er|ers|ing)?|number one|no\.? ?1|winningest|strongest|dominant|first overall)\b/,
  compare:
    /\b(?:compare|compared|comparison|versus|vs\.?|better|worse|more wins|fewer wins|head to head|stack up|difference between|or the)\b/,
  playoffs: /\b(?:playoffs?|postseason|post-season|make it|made it|qualif\w*|get in|got in|the dance)\b/,
  playIn: /\b(?:play-?in|play in tournament|play in)\b/,
  eliminated:
    /\b(?:eliminat\w*|knock\w* (?:them |\w+ )?out|knocked|ousted|sent \w+ home|end(?:ed)? (?:their|the \w+) season|lost to|lose to|beat them|bounced|upset(?:s|ed)?|who beat|who ended)\b/,
  beat: /\b(?:beat|beaten|w[io]n (?:a |any )?(?:playoff )?(?:round|series)|advanc(?:e|ed|ing) (?:past|to|out of)|series (?:wins?|victories)|won (?:a |the |\w+ )?series|win (?:a |the |\w+ )?series|series did|defeat\w*|get past|got past|dispatch\w*|sweep|swept|won against|win against|play(?:ed)? against|fac(?:e|ed)|opponents?|matchups?|play in the|take out|took out|eliminate)\b/,
  path: /\b(?:playoff run|run|path|journey|how far|route|road to|postseason run|go in the playoffs|do in the playoffs|playoffs go|in the playoffs)\b/,
  series: /\b(?:series)\b/,
  champion:
    /\b(?:champions?|championship|title|won it all|win it all|ring|trophy|larry o'?brien|who won the (?:nba|league|whole thing)|won the (?:nba|league))\b/,
  finals:
    /(?<!conference |conf |east |west |eastern |western )\b(?:finals|final(?! (?:record|score|standings?|tally|table|seed|seeding|result|four|play-in|regular|week|month|day|series|tally|margin|place|position))|final game)\b/,
  length:
    /\b(?:how many games|how long|go (?:to )?(?:seven|7|the distance)|(?:go|went|going|gone) to (?:a )?game (?:7|seven)|close|competitive|tight|lopsided|one-sided|blowout|went (?:to )?(?:seven|7|the distance)|length|in how many|games did (?:it|the series|they) (?:go|last|take))\b/,
  score: /\b(?:score|scores|final score|margin|by how much|how many points|points did|what was the result|won by)\b/,
  loser:
    /\b(?:who lost|runner-? ?up|lose the finals|losing team|the loser|lost the finals|lost in the finals|who did (?:they|\w+) beat|beat in the finals|opponent)\b/,
  pct: /\b(?:percent|percentage|pct|win %|win%|winning %|\.\d{3})|%/,
  wins: /\b(?:how many (?:games )?(?:did \w+(?: \w+)? )?(?:win|won)|how many wins|number of wins|win total|wins did|games did \w+(?: \w+)? win)\b/,
  losses:
    /\b(?:how many (?:games )?(?:did \w+(?: \w+)? )?(?:lose|lost)|how many losses|number of losses|losses did|games did \w+(?: \w+)? lose)\b/,
  seedWord:
    /\b(?:seed|seeded|seeding|rank|ranked|ranking|place|placed|position|where did|where does|where do|standing|finish in the|finished in the)\b/,
  record: /\b(?:record|w-l|win-loss|won-lost|wins and losses)\b/,
  standings:
    /\b(?:standings?|table|rankings?|seeds|seedings|order|conference|league table|how did the (?:east|west) (?:shake out|finish|look))\b/,
  summary:
    /\b(?:how did|how was|how were|tell me about|what about|summary|overview|season|do this year|do this season|recap|how good)\b/,
  playerStats:
    /\b(?:points per game|ppg|rpg|apg|rebound\w*|assist\w*|per game|averag\w*|stats?|statistics|shoot\w*|scor(?:ed|ing|er)|triple-doubles?|double-doubles?|minutes|steals|blocks|field goals?|three-point\w*|3-point\w*|efficiency|per|numbers|how did \w+(?: \w+)? play|how well did|stat line)\b/,
  otherSeason:
    /\b(?:19\d\d|20(?:0\d|1\d|2[0-3]|2[6-9])|last season|last year|previous season|prior season|2023-24|2022-23|23-24|25-26|2025-26|next season|next year|all[- ]time|ever|in history|historically|career|decade)\b/,
  afterSnapshot:
    /\b(?:2025 draft|the draft|draft pick|draft(?:ed|s|ing)?|free agen\w*|offseason|off-season|rumou?rs?|contract|extension|sign(?:ed|ing)?|retire\w*|tonight|tomorrow|next game|schedule|upcoming|injur\w*|trade request|summer league)\b/,
  notInSnapshot:
    /\b(?:coach(?:es|ed)?|arena|stadium|salary|salaries|owner|gm|general manager|attendance|jersey|mascot|tickets?|home court|over-under|odds|betting|bet|venue|where (?:was|were|is) (?:it|that|the game|game \d|game seven)(?: played)?$|where (?:was|were|is) (?:it|that|the game|game \d|game seven) played|which city|what city|all-nba|all nba|all-star\w*|all star\w*|dunk contest|three-point contest|3-point contest|skills challenge|rising stars|nba cup|in-season tournament|emirates cup|all-defensive|all-rookie|players? of the (?:week|month)|rookie of the month|paid|earns?|makes? per year)\b/,
  pronoun:
    /\b(?:they|them|their|theirs|that team|this team|the team|same team|those guys|these guys|those teams|that club|his team|her team|his club)\b/,
  he: /\b(?:he|his|him)\b/,
  pronounOriginal: /\b(?:they|them|their|that team|this team|the team|his team|her team|that club)\b/i,
  ellipsis:
    /^(?:(?:and|but|so|ok|okay|also|now)\s+)?(?:what|how) about\b|^(?:and|but|also|plus)\b|^same (?:for|question|thing)\b|^what of\b|^(?:ok|okay|now) (?:the|for)\b/,
  who: /\b(?:who|which|what teams?|name (?:the|every|all|each|any)|list|every team|all (?:the )?teams|how many teams|teams? (?:that|which|with))\b/,
  /** "did not make the playoffs", "failed to qualify", "non-playoff teams": a negated playoff question. */
  missedPlayoffs:
    /\b(?:miss(?:ed|ing)?|did not (?:make|qualify|reach|get)|didn'?t (?:make|qualify|reach|get)|failed to|fail to|not (?:make|qualify|reach|in)|out of|left out of|non-playoff|home for|lottery)\b/,
  /** "led the league in assists", "top scorer": a statistical leader, not a record. */
  statLeader: /\b(?:led|leads|lead|leader|leaders|leading|top|most|best)\b/,
  coach: /\b(?:coach(?:es|ed|ing)?|head coach|bench boss)\b/,
  allAwards: /\b(?:awards|honou?rs|trophies|who won what|award winners)\b/,
};

export const PLEASANTRY =
  /^(?:(?:thanks|thank you|thx|ty|cheers|great|cool|nice|ok|okay|got it|awesome|perfect|hi|hello|hey|yo|good morning|good evening|bye|goodbye|interesting|wow|makes sense|appreciate it|sounds good|amazing|neat|sweet|sure|great thanks|ok thanks|thanks a lot|thank you so much|much appreciated|you rock|good job|well done|lol|haha)[\s!.]*)+$/;

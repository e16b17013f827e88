/**
 * Two ways a message leaves basketball while still sounding like part of the conversation, and the evidence that it
 * has not left:
 *
 * - a topic switch ("anyway, …", "enough basketball. …", "unrelated, but …"): only what follows the switch is asked,
 *   so that part is judged alone ("anyway, who won the finals?" passes, "enough basketball, how do I fix a faucet?"
 *   does not);
 * - a request ("summarize …", "write …", "recommend …", "explain …", "help me …") with nothing about basketball in it:
 *   "Summarize Hamlet in three sentences" is a request about something else, "summarize their season" is not.
 *
 * Also the short reactions a conversation is full of ("well deserved?", "damn", "source?"): about what was just said.
 */

/** Phrases that leave the current subject ("anyway", "enough basketball", "unrelated, but"), as regular expressions. */
const SWITCH_PHRASES = [
  'anyway|anyways|anyhow|moving on|by the way|btw|something else',
  'enough (?:about |of |with |talk about |talking about )?(?:the nba|nba|basketball|hoops|sports?|ball|that|this|stats|the league)(?: talk| stuff| for now| for today| for a (?:sec|second|moment|bit))?',
  "(?:(?:let's|lets|let me|i want to|i'd like to|can we) )?(?:switch(?:ing)?|chang(?:e|ing)|shift(?:ing)?) (?:the )?(?:topics?|subjects?|gears)",
  '(?:a )?change of (?:topic|subject|pace)',
  '(?:totally |completely |somewhat |kind of |slightly |also )?(?:unrelated|off[- ]topic)(?: (?:question|topic|subject|thing|note|request|one))?',
  '(?:totally |completely |a |a totally |a completely )?different (?:question|topic|subject|thing|request)',
  '(?:random|quick random|side|new|other|another|non[- ]basketball|non[- ]nba) (?:question|topic|subject|thing|request|one)',
  'on (?:another|a different|an unrelated|a (?:totally|completely) different|a separate|a side) note',
  '(?:forget|forget about|never ?mind|nevermind|leave|drop|skip|stop talking about|no more|done with|put aside) (?:the nba|nba|basketball|hoops|sports?|that|it|the league|the stats)(?: for (?:now|a (?:sec|second|moment|bit)))?',
  'not (?:about )?(?:basketball|nba|sports?)(?:[- ]related)?',
  "(?:let's|lets|can we) talk about something else",
];
/** Where a switch may stand: the start, after punctuation, or after a filler word ("ok so anyway"). */
const SWITCH_START = String.raw`(?:^|[.!?,;:()\u2014-]\s*|\b(?:ok|okay|alright|cool|thanks|thank you|so|but|now|hmm|well|totally|completely)\s+)`;
/** What may follow a switch before the question ("unrelated, but quick question: …"). */
const SWITCH_TAIL = String.raw`(?=$|[\s,.:;!?)\u2014-])[\s,.:;!?)\u2014-]*(?:(?:but|question|q|though|here|now|then|please|so|ok|okay|and|i have a question)\b[\s,.:;!?\u2014-]*)*`;
const TOPIC_SWITCH = new RegExp(`${SWITCH_START}(?:${SWITCH_PHRASES.join('|')})${SWITCH_TAIL}`, 'g');

/** The text after the last topic-switch phrase of `lower` (lower-cased original), or undefined when there is none. */
export function afterTopicSwitch(lower: string): string | undefined {
  let end = -1;
  TOPIC_SWITCH.lastIndex = 0;
  for (let m = TOPIC_SWITCH.exec(lower); m; m = TOPIC_SWITCH.exec(lower)) {
    end = m.index + m[0].length;
    if (m[0].length === 0) TOPIC_SWITCH.lastIndex++;
  }
  return end < 0 ? undefined : lower.slice(end);
}

/** Verbs that ask for a piece of work; with nothing about basketball, the work is about something else. */
const REQUEST_VERBS: ReadonlySet<string> = new Set(
  (
    'summarize summarise summary write rewrite translate recommend recommendation recommendations suggest suggestion ' +
    'explain describe define help compose draft create generate make plan design list give teach show outline ' +
    'proofread edit review fix debug solve calculate convert brainstorm name invent tell find book rank rate'
  ).split(' '),
);

/** The first words a request may start with before its verb ("can you please …", "I need you to …"). */
const REQUEST_OPENERS: ReadonlySet<string> = new Set(
  'can could would will you please pls kindly i need want you to me us quickly briefly just now ok okay so hey'.split(
    ' ',
  ),
);

/** True when `words` open with a request verb ("summarize …", "can you please write …", "help me …"). */
export function isRequest(words: readonly string[]): boolean {
  for (const word of words.slice(0, 6)) {
    if (REQUEST_VERBS.has(word)) return true;
    if (!REQUEST_OPENERS.has(word)) return false;
  }
  return false;
}

/**
 * Flags that name basketball on their own; an everyday team word, a city or a legend's short name does not ("recommend
 * some jazz albums", "best pizza in Boston", "a hotel in Jordan") unless sport words come with it. Two NBA cities side
 * by side do ("compare Houston and Denver").
 */
export const BASKETBALL_FLAGS: ReadonlySet<string> = new Set([
  'cities',
  'team',
  'team-named',
  'player',
  'person',
  'basketball',
  'strong-word',
  'term',
  'award',
  'conference',
  'record',
  'season-label',
  'elliptical-team',
  'team-question',
  'nickname+sport',
  'surname+sport',
  'city+sport',
  'team-word+sport',
]);

/** Sport words that say basketball even in a first turn; the other weak words ("play", "point", "news") need a conversation. */
const SPORT_WORDS: ReadonlySet<string> = new Set(
  (
    'team teams season seasons game games player players coach coaches league roster rosters playoff playoffs finals ' +
    'champion champions championship championships title titles mvp rookie rookies matchup rivalry franchise seed ' +
    'seeds seeded seeding standings wins won win losses lost beat swept sweep eliminated ' +
    'scored rebounds assists dunk dunks quarter quarters halftime overtime possession possessions timeout timeouts'
  ).split(' '),
);

/**
 * Words that need a conversation about basketball to be about it: sport words ("recap the series") and words about the
 * answer just given ("go over the rules again", "make the answer shorter").
 */
const CONVERSATION_SPORT_WORDS: ReadonlySet<string> = new Set(
  (
    'series round rounds scoring stats standing defense offense shooting rank ranked ranking score scores record ' +
    'records upset underdog contender contenders clinch clinched injury injuries injured bracket tiebreaker ' +
    'tiebreakers recap run ring rings trophy award awards again format rule rules answer details simpler shorter ' +
    'numbers breakdown results winners'
  ).split(' '),
);

/** Words that point back at the conversation's subject ("summarize their season", "explain that"). */
const BACK_REFERENCES: ReadonlySet<string> = new Set('they them their theirs he his him she her'.split(' '));
/** Back references that are also ordinary words of a sentence ("an email that …"): only in a short turn. */
const SHORT_BACK_REFERENCES: ReadonlySet<string> = new Set('it its that this those these there'.split(' '));

/** Does a message carry anything about basketball (for a request or what follows a topic switch)? */
export function mentionsBasketball(
  signals: { readonly flags: readonly string[]; readonly words: readonly string[] },
  inConversation: boolean,
): boolean {
  if (signals.flags.some((flag) => BASKETBALL_FLAGS.has(flag))) return true;
  const short = signals.words.length <= 6;
  return signals.words.some(
    (word) =>
      SPORT_WORDS.has(word) ||
      (inConversation &&
        (CONVERSATION_SPORT_WORDS.has(word) ||
          BACK_REFERENCES.has(word) ||
          (short && SHORT_BACK_REFERENCES.has(word)))),
  );
}

/** Words of a short reaction to an answer ("well deserved?", "huge jump right?", "damn", "source?", "rank them"). */
const REACTION_WORDS: ReadonlySet<string> = new Set(
  (
    'well deserved deserve deserves deserving earned huge jump leap massive insane crazy wild nuts unreal incredible ' +
    'impressive amazing awesome nice wow whoa damn dang geez jeez yikes oof ouch brutal rough tough sad bummer ' +
    'shocking shocked surprising surprised surprise expected unexpected predictable lol lmao haha bro dude man ' +
    'source sources proof really seriously legit fair fairs enough agreed agree disagree true false nah yeah yep yup ' +
    'nope sure rank ranked ranking order sort list them all everyone everybody anyone somebody underrated overrated ' +
    'robbed snubbed clutch dominant dominated dominate choked choke collapse collapsed meltdown fluke lucky unlucky ' +
    'deserve called it knew figured thought guessed hoped hope same here too either neither wait hold on what huh ' +
    'hm hmm ah oh okay so why really big small jumped improved improvement worse better year last from since ' +
    'tbh imo honestly kinda pretty very super so too quite totally completely absolutely definitely probably maybe ' +
    'convincing convincingly dominant close blowout blowouts upset upsets run runs streak streaks stretch home road ' +
    'holy cow mind blowing blown legendary legend goat goated iconic historic epic bonkers absurd ridiculous nasty filthy cooked washed ' +
    "table chart bullet bullets put detail elite mid fraud frauds respect props congrats congratulations kudos sheesh smh omg rip away bad good history franchise ever all-time full whole entire complete rest like im i'm us bottom top few list now then do instead ones"
  ).split(' '),
);

/**
 * A short turn made of conversational words, reactions, request verbs and numbers ("give me the top 3", "explain like
 * I'm 5", "ok now do the bottom 5"): about the answer just given.
 */
export function isReaction(words: readonly string[], followUpWord: (word: string) => boolean): boolean {
  return (
    words.length > 0 &&
    words.length <= 8 &&
    words.every(
      (word) => REACTION_WORDS.has(word) || REQUEST_VERBS.has(word) || /^\d+$/.test(word) || followUpWord(word),
    )
  );
}

/** A short turn about "they", "he" or "their" ("why are they so bad?", "is he injured?"): about whom the answer named. */
export function pointsBack(words: readonly string[]): boolean {
  return words.length <= 6 && words.some((word) => BACK_REFERENCES.has(word));
}

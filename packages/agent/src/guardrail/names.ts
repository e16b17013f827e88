/**
 * Team names that are also everyday words, and how to tell the team from the word: "the Heat" is a team, "a heat
 * wave", "the Magic Kingdom", "the kings of France" are not. Used by the guardrail's decisive signals.
 */

/** Team nicknames and aliases that are also everyday words: a team only when written as a name ("the Heat"). */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set([
  'heat',
  'magic',
  'jazz',
  'kings',
  'suns',
  'nets',
  'bulls',
  'thunder',
  'warriors',
  'rockets',
  'hornets',
  'wizards',
  'bucks',
  'hawks',
  'spurs',
  'pistons',
  'pacers',
  'nuggets',
  'raptors',
  'pelicans',
  'cavaliers',
  'clippers',
  'blazers',
  'grizzlies',
  'mavericks',
  'wolves',
  'wiz',
  'clips',
  'raps',
  'nugs',
  'grizz',
  'pels',
  'dubs',
  'celts',
  'trailblazers',
]);

/** The most everyday of them need "the" in front ("the Jazz"); a capital letter is not enough ("my Jazz guitar"). */
const NEEDS_ARTICLE: ReadonlySet<string> = new Set([
  'heat',
  'magic',
  'jazz',
  'thunder',
  'kings',
  'suns',
  'nets',
  'bulls',
  'spurs',
  'bucks',
  'hawks',
  'warriors',
  'rockets',
]);

/** Team words that, after "the", are nearly always the team even in lower case ("why does everyone hate the clippers"). */
export const RARELY_EVERYDAY: ReadonlySet<string> = new Set([
  'clippers',
  'pistons',
  'nuggets',
  'cavaliers',
  'blazers',
  'trailblazers',
  'mavericks',
  'dubs',
  'celts',
  'clips',
  'nugs',
  'grizz',
  'pels',
  'raps',
  'wiz',
]);

/** Aliases that are place names: weak like a city, whatever their capitalisation ("the capital of Oklahoma"). */
export const PLACE_ALIASES: ReadonlySet<string> = new Set([
  'oklahoma',
  'philly',
  'nola',
  'minny',
  'rip city',
  'buzz city',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One compiled pattern per name and use: the names are few, the messages many. */
function cached(cache: Map<string, RegExp>, name: string, build: (name: string) => RegExp): RegExp {
  let pattern = cache.get(name);
  if (!pattern) {
    pattern = build(name);
    cache.set(name, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}
const AS_NAME = new Map<string, RegExp>();
const EVERYDAY_OF = new Map<string, RegExp>();
const OTHER_NAME = new Map<string, RegExp>();

/** A capitalised team name written as a name, not at the start of the text ("the Heat", "Magic fans" mid-sentence). */
export function writtenAsName(original: string, name: string): boolean {
  const pattern = cached(AS_NAME, name, () => {
    const capitalised = escapeRegExp(name.replace(/\b[a-z]/g, (c) => c.toUpperCase()));
    return new RegExp(
      `(?:^|[^A-Za-z])((?:the|The|THE)\\s+)?(${capitalised}|${capitalised.toUpperCase()})(?![A-Za-z])`,
      'g',
    );
  });
  for (let m = pattern.exec(original); m; m = pattern.exec(original)) {
    const start = m.index + m[0].indexOf(m[2]!);
    const before = original.slice(0, start).trimEnd();
    if (m[1] || (!NEEDS_ARTICLE.has(name) && before.length > 0 && !/[.!?]$/.test(before))) return true;
  }
  return false;
}

/** "kings of france", "heat of the moment" (but not "the Heat of the NBA" or "of the East"). */
export function everydayOf(normalized: string, name: string): boolean {
  return cached(
    EVERYDAY_OF,
    name,
    () => new RegExp(`\\b${escapeRegExp(name)} of (?!(?:the )?(?:nba|league|east|west|eastern|western)\\b)`),
  ).test(normalized);
}

/** "Magic Kingdom", "Kings of Leon": the team word starts a longer proper name. */
export function partOfOtherName(original: string, name: string): boolean {
  const followed = cached(OTHER_NAME, name, () => {
    const escaped = escapeRegExp(name);
    const forms = `(?:${escaped}|${escaped.replace(/\b[a-z]/g, (c) => c.toUpperCase())}|${escaped.toUpperCase()})`;
    return new RegExp(`(?<![A-Za-z])${forms}\\s+(?:of\\s+[A-Z]|[A-Z][a-z])`);
  }).exec(original);
  // "the Heat of the NBA", "Thunder Game 7" are still the team.
  return (
    followed !== null && !/\s(?:of\s+(?:the\s+)?(?:NBA|East|West)|Game|Finals?|Fans?|vs\.?|Versus)\b/.test(followed[0])
  );
}

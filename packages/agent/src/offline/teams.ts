/**
 * Finding the teams a text names: full names, nicknames, cities, abbreviations, common short names and small typos.
 * Used by the offline model and by the guardrail.
 */
import { SNAPSHOT, type SnapshotTeam } from './snapshot-2024-25.js';
import { allMatches, editDistance, memoize, normalize, phraseRegExp, words } from './text.js';

/** How a team was named: its full name, nickname or alias; its city; its abbreviation; or a near miss (typo). */
export type TeamMatchKind = 'name' | 'city' | 'abbreviation' | 'typo';

/** A team found in a normalised text. */
export interface TeamMention {
  readonly team: SnapshotTeam;
  readonly index: number;
  readonly kind: TeamMatchKind;
  /** The words that matched (normalised). */
  readonly text: string;
}

// "LA" and "Los Angeles" name two teams: never a team on their own.
const AMBIGUOUS_CITIES = new Set(['los angeles', 'la']);
// Abbreviations that are also words are only recognised in capitals, on the original text.
const LOWERCASE_SAFE_ABBREVIATIONS = new Set([
  'okc',
  'gsw',
  'nyk',
  'lal',
  'lac',
  'bkn',
  'phx',
  'nop',
  'cle',
  'bos',
  'mia',
  'hou',
  'dal',
  'uta',
  'atl',
  'orl',
  'sas',
]);

const MISSING_APOSTROPHE = new Set(['Thunder', 'Magic', 'Jazz']);

const TEAM_NAMES: ReadonlyMap<string, { team: SnapshotTeam; kind: TeamMatchKind }> = (() => {
  const names = new Map<string, { team: SnapshotTeam; kind: TeamMatchKind }>();
  for (const team of SNAPSHOT.teams) {
    for (const name of [`${team.city} ${team.nickname}`, team.nickname, ...team.aliases])
      names.set(normalize(name), { team, kind: 'name' });
    // "the thunders record": a possessive typed without its apostrophe ("heats" stays a verb).
    if (MISSING_APOSTROPHE.has(team.nickname)) names.set(`${normalize(team.nickname)}s`, { team, kind: 'name' });
    const city = normalize(team.city);
    if (!AMBIGUOUS_CITIES.has(city) && !names.has(city)) names.set(city, { team, kind: 'city' });
    const abbreviation = team.abbreviation.toLowerCase();
    if (LOWERCASE_SAFE_ABBREVIATIONS.has(abbreviation) && !names.has(abbreviation))
      names.set(abbreviation, { team, kind: 'abbreviation' });
  }
  return names;
})();

const TEAM_PATTERN = phraseRegExp([...TEAM_NAMES.keys()]);
const UPPERCASE_ABBREVIATION = new RegExp(
  `(?<![A-Za-z0-9])(?:${SNAPSHOT.teams.map((t) => t.abbreviation).join('|')})(?![A-Za-z0-9])`,
  'g',
);

/** Single-word names long enough to be matched with one typo (two from nine letters). */
const TYPO_TARGETS: ReadonlyArray<{ word: string; team: SnapshotTeam; letters: number }> = [...TEAM_NAMES]
  .filter(([name, { kind }]) => !name.includes(' ') && name.length >= 6 && kind !== 'abbreviation')
  .map(([word, { team }]) => ({ word, team, letters: letterSet(word) }));

/** The set of letters of a word as bits (a-z). One edit changes this set by at most two letters. */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) - 97;
    if (code >= 0 && code < 26) bits |= 1 << code;
  }
  return bits;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Real words one letter away from a team name ("papers" is not "Pacers"). */
const NOT_TYPOS = new Set([
  'bakers',
  'makers',
  'takers',
  'lakes',
  'papers',
  'pacer',
  'racers',
  'pagers',
  'pockets',
  'lockets',
  'rocket',
  'sockets',
  'hornet',
  'wizard',
  'rockers',
  'kickers',
  'knocks',
  'nuggets',
  'pistol',
  'pistols',
  'mavericks',
  'raptor',
  'clippers',
  'clipper',
  'blazer',
  'warrior',
  'bullets',
  'wonder',
  'sunder',
  'under',
  'denver',
  'bostons',
  'hawkers',
  'spurts',
  'sports',
  'spares',
  'heats',
  'kings',
  'sonics',
  'carriers',
  'worriers',
  'barriers',
  'dallas',
  'celtic',
  'pelican',
  'charlotte',
  'toronto',
  'atlanta',
  'portland',
  'memphis',
  'houston',
  'orlando',
  'chicago',
  'mileage',
  'dollars',
  'ballas',
  'detroit',
  'indians',
  'indiana',
  'utahs',
  'cleaveland',
  'millwaukee',
]);

function typoMentions(text: string, taken: readonly { index: number; end: number }[]): TeamMention[] {
  const found: TeamMention[] = [];
  for (const { word, index } of words(text)) {
    if (word.length < 6 || NOT_TYPOS.has(word) || TEAM_NAMES.has(word)) continue;
    if (taken.some((t) => index >= t.index && index < t.end)) continue;
    const team = typoTeam(word);
    if (team) found.push({ team, index, kind: 'typo', text: word });
  }
  return found;
}

/** The team a word is a near miss of, if any; remembered per word (most words of questions recur). */
const typoTeam = memoize((word: string): SnapshotTeam | null => {
  const max = word.length >= 9 ? 2 : 1;
  const letters = letterSet(word);
  let best: { team: SnapshotTeam; distance: number } | undefined;
  for (const target of TYPO_TARGETS) {
    // Cheap filters first: the edit distance is at least the length difference and half the letter-set difference.
    if (Math.abs(target.word.length - word.length) > max || bitCount(letters ^ target.letters) > 2 * max) continue;
    const distance = editDistance(word, target.word, max);
    if (distance <= max && (!best || distance < best.distance)) best = { team: target.team, distance };
  }
  return best?.team ?? null;
}, 2048);

/**
 * Every team named in `original` (the user's text), in order of first mention, one entry per team.
 * `normalized` may be passed when the caller already has `normalize(original)`.
 */
export function findTeams(original: string, normalized?: string): TeamMention[] {
  return normalized === undefined ? findTeamsMemo(original) : findTeamsIn(original, normalized);
}

const findTeamsMemo = memoize((original: string) => findTeamsIn(original, normalize(original)));

function findTeamsIn(original: string, normalized: string): TeamMention[] {
  const mentions: TeamMention[] = [];
  const taken: Array<{ index: number; end: number }> = [];
  for (const match of allMatches(TEAM_PATTERN, normalized)) {
    const entry = TEAM_NAMES.get(match.text);
    if (!entry) continue;
    mentions.push({ team: entry.team, index: match.index, kind: entry.kind, text: match.text });
    taken.push({ index: match.index, end: match.index + match.text.length });
  }
  // Capitalised abbreviations ("MIN", "DEN") on the original text; offsets are approximate there, fine for ordering.
  for (const match of allMatches(UPPERCASE_ABBREVIATION, original)) {
    const team = SNAPSHOT.teams.find((t) => t.abbreviation === match.text);
    if (team) mentions.push({ team, index: match.index, kind: 'abbreviation', text: match.text.toLowerCase() });
  }
  mentions.push(...typoMentions(normalized, taken));
  const first = new Map<SnapshotTeam, TeamMention>();
  for (const mention of mentions.sort((a, b) => a.index - b.index))
    if (!first.has(mention.team)) first.set(mention.team, mention);
  return [...first.values()];
}

/**
 * Finding the notable players a text names (full names, aliases, and surnames that are not everyday words).
 * Used by the offline model and by the guardrail.
 */
import { SNAPSHOT, type SnapshotPlayer } from './snapshot-2024-25.js';
import { allMatches, normalize, phraseRegExp } from './text.js';

/** A player found in a normalised text. */
export interface PlayerMention {
  readonly player: SnapshotPlayer;
  readonly index: number;
  /** True when only a common surname matched (weak evidence for the guardrail). */
  readonly surnameOnly: boolean;
}

/** Surnames that are also everyday words or shared names: they only count next to a first name or as an alias. */
const COMMON_SURNAMES = new Set([
  'young',
  'brown',
  'green',
  'white',
  'ball',
  'hart',
  'reid',
  'lee',
  'paul',
  'allen',
  'miller',
  'turner',
  'booker',
  'powell',
  'harris',
  'thomas',
  'murray',
  'butler',
  'curry',
  'fox',
  'castle',
  'bridges',
  'holiday',
  'johnson',
  'daniels',
  'mitchell',
  'gordon',
  'davis',
  'george',
  'towns',
  'edwards',
  'leonard',
  'james',
  'williams',
  'thompson',
  'jackson',
  'porter',
  'barnes',
  'bane',
  'hunter',
  'wagner',
  'sharpe',
  'simons',
  'poole',
  'lopez',
  'dort',
  'beal',
  'white',
  'jr',
  'iii',
  'caruso',
  'nesmith',
  'garland',
  'brooks',
  'irving',
  'sexton',
  'suggs',
  'kessler',
  'quickley',
  'ingram',
  'randle',
  'mcdaniels',
  'middleton',
  'duren',
  'sarr',
  'wiggins',
  'herro',
  'allen',
  'reaves',
  'smith',
  'anunoby',
  'harden',
  'white',
  'cunningham',
  'williamson',
  'barrett',
  'pritchard',
  'horford',
  'mcconnell',
  'turner',
]);

const PLAYER_NAMES: ReadonlyMap<string, { player: SnapshotPlayer; surnameOnly: boolean }> = (() => {
  const names = new Map<string, { player: SnapshotPlayer; surnameOnly: boolean }>();
  const surnameCount = new Map<string, number>();
  for (const player of SNAPSHOT.players) {
    const surname =
      normalize(player.name)
        .split(' ')
        .filter((w) => !['jr', 'jr.', 'iii'].includes(w))
        .at(-1) ?? '';
    surnameCount.set(surname, (surnameCount.get(surname) ?? 0) + 1);
  }
  for (const player of SNAPSHOT.players) {
    for (const name of [player.name, ...player.aliases]) {
      names.set(normalize(name), { player, surnameOnly: false });
      names.set(normalize(name).replace(/['.]/g, ''), { player, surnameOnly: false });
    }
    const surname =
      normalize(player.name)
        .split(' ')
        .filter((w) => !['jr', 'jr.', 'iii'].includes(w))
        .at(-1) ?? '';
    if (surname.length >= 4 && surnameCount.get(surname) === 1 && !names.has(surname)) {
      names.set(surname, { player, surnameOnly: COMMON_SURNAMES.has(surname) });
    }
  }
  return names;
})();
const PLAYER_PATTERN = phraseRegExp([...PLAYER_NAMES.keys()]);

/** Every notable player named in the normalised text, in order, one entry per player. */
export function findPlayers(normalized: string): PlayerMention[] {
  const seen = new Set<SnapshotPlayer>();
  const found: PlayerMention[] = [];
  for (const match of allMatches(PLAYER_PATTERN, normalized)) {
    const entry = PLAYER_NAMES.get(match.text);
    if (!entry || seen.has(entry.player)) continue;
    seen.add(entry.player);
    found.push({ player: entry.player, index: match.index, surnameOnly: entry.surnameOnly });
  }
  return found;
}

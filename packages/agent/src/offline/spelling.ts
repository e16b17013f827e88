/**
 * Part of the understand step: small spelling slips in the words the rules look for ("recrod", "playofs",
 * "chamionship", "standins"), put right before the cue words are matched. Only words one edit away from a
 * basketball word are changed, never a real word that happens to be close ("reason" is not "season").
 */
import { editDistance, memoize } from './text.js';

const DOMAIN_WORDS = [
  'record',
  'records',
  'season',
  'playoff',
  'playoffs',
  'postseason',
  'champion',
  'champions',
  'championship',
  'finals',
  'standings',
  'conference',
  'eastern',
  'western',
  'percentage',
  'series',
  'eliminated',
  'defeated',
  'rookie',
  'improved',
  'defensive',
  'semifinals',
  'standing',
  'seeded',
  'winning',
  'losses',
  'year',
];
const DOMAIN = new Set(DOMAIN_WORDS);
// Real words one edit away from a basketball word: left alone.
const REAL_WORDS = new Set([
  'reason',
  'reasons',
  'easter',
  'finale',
  'final',
  'serious',
  'seasoned',
  'recorded',
  'standin',
  'winding',
  'wining',
  'seeder',
  'rookies',
  'lasses',
  'bosses',
  'mosses',
  'tosses',
  'passes',
  'yeah',
  'years',
  'yearn',
  'yearly',
  'near',
  'dear',
  'fear',
  'gear',
  'hear',
  'wear',
  'tear',
  'bear',
  'pear',
  'rear',
  'sear',
]);

const corrected = memoize((word: string): string => {
  if (word.length < 4 || DOMAIN.has(word) || REAL_WORDS.has(word) || /\d/.test(word)) return word;
  for (const target of DOMAIN_WORDS) {
    if (Math.abs(target.length - word.length) <= 1 && target[0] === word[0] && editDistance(word, target, 1) <= 1)
      return target;
  }
  return word;
}, 2048);

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD =
  /\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b/g;

/**
 * Numbers from ten up written as words ("sixty wins", "forty-six and thirty-six") as digits, so records and win counts
 * read the same either way. Smaller numbers stay words: "which one", "top three" are read as words.
 */
export function numbersAsDigits(normalized: string): string {
  NUMBER_WORD.lastIndex = 0;
  if (!NUMBER_WORD.test(normalized)) return normalized;
  return normalized.replace(
    NUMBER_WORD,
    (_, tens: string | undefined, unit: string | undefined, teen: string | undefined) =>
      String(tens ? TENS[tens]! + (unit ? UNITS[unit]! : 0) : TEENS[teen!]!),
  );
}

/** The normalised text with slips in basketball words put right. */
export function correctSpelling(normalized: string): string {
  return normalized.replace(/[a-z]{4,}/g, corrected);
}

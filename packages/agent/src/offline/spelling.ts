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

/** The normalised text with slips in basketball words put right. */
export function correctSpelling(normalized: string): string {
  return normalized.replace(/[a-z]{4,}/g, corrected);
}

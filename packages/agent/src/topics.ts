/** NBA topic slugs accepted by `report` (the demo's `NBA_TOPIC_MAPPING` keys). */
export type TopicSlug = 'eastern' | 'western' | 'finals' | 'general';

/** Topic slug → the name used in the generated overview prompt (the demo's `NBA_TOPIC_MAPPING`). */
export const TOPIC_NAMES: Readonly<Record<TopicSlug, string>> = Object.freeze({
  eastern: 'Eastern Conference',
  western: 'Western Conference',
  finals: 'Finals',
  general: 'Season',
});

/** Every topic slug, sorted (the demo listed them sorted in its error message). */
export const TOPIC_SLUGS: readonly TopicSlug[] = Object.freeze((Object.keys(TOPIC_NAMES) as TopicSlug[]).sort());

/** Exact, case-sensitive check (as in the demo) that `value` is a supported topic slug. */
export function isTopicSlug(value: string): value is TopicSlug {
  return Object.hasOwn(TOPIC_NAMES, value);
}

/** The topic slug whose display name is `name`, if any. */
export function topicSlugForName(name: string): TopicSlug | undefined {
  return TOPIC_SLUGS.find((slug) => TOPIC_NAMES[slug] === name);
}

/** Longest user message accepted by `report` and `followUp`, in characters (after trimming). */
export const MAX_MESSAGE_LENGTH = 2000;

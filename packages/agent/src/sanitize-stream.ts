/**
 * The sanitiser, incrementally: text arrives in chunks (model deltas) and leaves in chunks whose concatenation is
 * exactly `sanitizeAgentMessage(whole.trim())`. Each step of the batch sanitiser becomes a stage that holds back
 * only text that could still change: the start of a possible link, URL, citation or fragment, or whitespace that a
 * later character could remove. Everything before it is final and is passed on at once.
 */
import { REGEX_SANITIZER_STEPS, type RegexSanitizerStep, replaceFrom } from './sanitize.js';

interface Stage {
  push(text: string): string;
  end(): string;
}

/** One regular-expression step over a stream. */
class RegexStage implements Stage {
  #pending = '';
  /** The last character already processed: context for lookbehinds and `\b`. */
  #before = '';

  private readonly step: RegexSanitizerStep;

  constructor(step: RegexSanitizerStep) {
    this.step = step;
  }

  push(text: string): string {
    this.#pending += text;
    return this.#release(this.#safeLength());
  }

  end(): string {
    return this.#release(this.#pending.length);
  }

  #release(length: number): string {
    if (length === 0) return '';
    const head = this.#pending.slice(0, length);
    this.#pending = this.#pending.slice(length);
    const out = replaceFrom(this.#before + head, this.step, this.#before.length);
    this.#before = head.at(-1)!;
    return out;
  }

  /**
   * How much of the pending text is final: scanning as the batch replace does, the first position where a match
   * could start that is not complete yet (or could still grow) ends the final part.
   */
  #safeLength(): number {
    const { pattern, pending } = this.step;
    const text = this.#before + this.#pending;
    const start = this.#before.length;
    let pos = start;
    for (;;) {
      pattern.lastIndex = pos;
      const m = pattern.exec(text);
      pattern.lastIndex = 0;
      const stop = m ? m.index : text.length;
      for (let q = pos; q < stop; q++) {
        if (pending(text.slice(q), q === 0 ? undefined : text[q - 1])) return q - start;
      }
      if (!m) return text.length - start;
      if (pending(text.slice(m.index), m.index === 0 ? undefined : text[m.index - 1])) return m.index - start;
      pos = m.index + Math.max(m[0].length, 1);
    }
  }
}

/** `String.prototype.trim` over a stream: drops leading whitespace, holds trailing whitespace until text follows. */
class TrimStage implements Stage {
  #started = false;
  #spaces = '';

  push(text: string): string {
    let t = text;
    if (!this.#started) {
      t = t.replace(/^\s+/, '');
      if (t.length === 0) return '';
      this.#started = true;
    }
    t = this.#spaces + t;
    const trailing = /\s+$/.exec(t);
    this.#spaces = trailing ? trailing[0] : '';
    return trailing ? t.slice(0, trailing.index) : t;
  }

  end(): string {
    this.#spaces = '';
    return '';
  }
}

/** An incremental `sanitizeAgentMessage(text.trim())`. */
export class StreamingSanitizer {
  readonly #stages: Stage[] = [
    new TrimStage(),
    ...REGEX_SANITIZER_STEPS.map((s) => new RegexStage(s)),
    new TrimStage(),
  ];
  #ended = false;

  /** Feeds raw model text; returns the sanitised text that is now final (often all of it, sometimes ''). */
  push(text: string): string {
    if (this.#ended) throw new Error('StreamingSanitizer: push after end');
    let t = text;
    for (const stage of this.#stages) t = stage.push(t);
    return t;
  }

  /** Ends the input; returns the rest of the sanitised text. */
  end(): string {
    if (this.#ended) return '';
    this.#ended = true;
    let t = '';
    for (const stage of this.#stages) t = stage.push(t) + stage.end();
    return t;
  }
}

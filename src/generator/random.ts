/**
 * The generator's only source of randomness: mulberry32 streams whose seeds are derived from the
 * user's seed and a key (an entity family, an index), so that every family and every image draws
 * from its own stream and the same seed always yields the same federation.
 */

/** The splitmix32 finalizer: a well-mixed 32-bit hash of a 32-bit value. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a of a string, to turn family names into stream keys. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The stream for SEED and a key path such as ('image', 42). */
export function streamFor(seed: number, ...keys: readonly (string | number)[]): Random {
  let state = mix32(seed >>> 0);
  for (const key of keys) state = mix32(state ^ (typeof key === 'number' ? key >>> 0 : hashText(key)));
  return new Random(state);
}

export class Random {
  private state: number;

  constructor(state: number) {
    this.state = state | 0;
  }

  /** The next unsigned 32-bit value (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** A float in [LOW, HIGH). */
  between(low: number, high: number): number {
    return low + (high - low) * this.float();
  }

  /** An integer in [LOW, HIGH], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.float() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('Random.pick needs a non-empty list.');
    return item;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly { readonly weight: number; readonly value: T }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let left = this.float() * total;
    for (const item of items) {
      left -= item.weight;
      if (left < 0) return item.value;
    }
    return this.pick(items).value;
  }

  /** A count with mean MEAN: the integer part plus one more with the fractional part's probability. */
  count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.chance(mean - whole) ? 1 : 0);
  }

  /** A heavy-tailed positive value with mean 1 (Pareto, shape ALPHA > 1), capped at CAP. */
  pareto(alpha: number, cap: number): number {
    const scale = (alpha - 1) / alpha;
    return Math.min(cap, scale / (1 - this.float()) ** (1 / alpha));
  }

  /** LENGTH lowercase hexadecimal digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.next().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A random (version 4) UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.next() & 3];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

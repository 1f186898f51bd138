// Types of random.mjs for the TypeScript tests that draw from it.
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number;
  /** One element of a non-empty array. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** True with probability p. */
  readonly chance: (p: number) => boolean;
}
export function createRandom(seed: string | number): Random;
export function createZipf(random: Random, n: number, exponent?: number): () => number;

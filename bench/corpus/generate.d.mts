// Types of generate.mjs for the TypeScript tests that call it.
export interface GenerateOptions {
  readonly articles: number;
  readonly seed: string | number;
  readonly out: string;
  readonly onProgress?: (done: number, total: number) => void;
}
export interface GeneratedCorpus {
  readonly articles: number;
  readonly entities: number;
  /** How many articles mention each shared entity. */
  readonly mentions: Map<string, number>;
}
export function generateCorpus(options: GenerateOptions): GeneratedCorpus;

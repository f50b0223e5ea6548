/** What every embedding provider offers: fixed-dimension, L2-normalised vectors for texts. */
export interface Embedder {
  readonly id: string;
  readonly dim: number;
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * One bootstrap resample as counts: N rows drawn uniformly with replacement is a
 * Multinomial(N; 1/N, ..., 1/N) vector of how often each row was drawn (Efron & Tibshirani 1993,
 * ch. 6). Counts let every metric run as one weighted pass over data sorted once.
 *
 * Drawing N random row indices and incrementing counts[index] is cache-hostile for a million rows
 * (each increment touches a random place in a 1 MB array). So the draw goes in two exact stages:
 *  1. how many of the N draws fall in each block of BLOCK_SIZE = 8192 consecutive rows: a
 *     multinomial over blocks, drawn as sequential conditional binomials
 *     m_k ~ Binomial(draws left, block size / rows left) (exact, binomial-distribution.ts);
 *  2. m_k uniform rows inside block k, whose 8 KiB of counts stay in the CPU's L1 cache.
 * Together this is exactly the multinomial. A full block has 2^13 rows, so a row inside it is
 * 13 random bits: each 32-bit output of the generator places two draws (bits 31-19 and 18-6),
 * exactly uniform. The last, partial block of size s uses floor(u * s / 2^32), whose bias (below
 * s / 2^32 < 2e-6) is far below the bootstrap's own Monte Carlo error.
 *
 * Counts are bytes: see RowWeights (metrics/types.ts) for why 255 is never exceeded in practice.
 * Several resamples can share one array, interleaved ("lanes"): row i of lane k is at
 * counts[i * lanes + k], so a kernel reads all lanes of a row from one cache line.
 * Worked example: with N = 3 a resample might be counts [2, 0, 1]: row 0 drawn twice, row 2 once.
 */
import { sampleBinomial } from "./binomial-distribution.ts";
import { Xoshiro128, type XoshiroState } from "../random.ts";

const BLOCK_BITS = 13;
/** Rows per block: 8192 one-byte counts = 8 KiB, well inside a 32-48 KiB L1 data cache. */
export const BLOCK_SIZE = 1 << BLOCK_BITS;
const INVERSE_TWO_POW_32 = 1 / 4294967296;

/**
 * Stage 1: how many of the n draws fall in each block, as exact sequential conditional
 * binomials from `random` (which then continues with stage 2's draws).
 */
export function planBlocks(n: number, random: Xoshiro128): Int32Array {
  const blockCount = Math.ceil(n / BLOCK_SIZE);
  const drawsPerBlock = new Int32Array(blockCount);
  let drawsLeft = n;
  let rowsLeft = n;
  for (let block = 0; block < blockCount; block++) {
    const size = Math.min(BLOCK_SIZE, n - block * BLOCK_SIZE);
    const draws = size === rowsLeft ? drawsLeft : sampleBinomial(drawsLeft, size / rowsLeft, () => random.nextFloat());
    drawsPerBlock[block] = draws;
    drawsLeft -= draws;
    rowsLeft -= size;
  }
  return drawsPerBlock;
}

/**
 * Stage 2 for one block: adds `draws` uniform rows of rows [base, base + size) to lane `lane`
 * of `counts`. The generator state lives in states[offset .. offset + 3] (xoshiro128**, inlined
 * from random.ts) and is advanced in place, so blocks can be drawn one at a time.
 */
export function drawBlock(counts: Uint8Array, lanes: number, lane: number, base: number, size: number, draws: number, states: Int32Array, offset: number): void {
  let s0 = states[offset];
  let s1 = states[offset + 1];
  let s2 = states[offset + 2];
  let s3 = states[offset + 3];
  const origin = base * lanes + lane;
  if (size === BLOCK_SIZE) {
    // two draws per 32-bit output
    for (; draws >= 2; draws -= 2) {
      const scrambled = Math.imul(s1, 5);
      const output = Math.imul((scrambled << 7) | (scrambled >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      counts[origin + (output >>> 19) * lanes]++;
      counts[origin + ((output >>> 6) & (BLOCK_SIZE - 1)) * lanes]++;
    }
  }
  const scale = size * INVERSE_TWO_POW_32;
  for (; draws > 0; draws--) {
    const scrambled = Math.imul(s1, 5);
    const output = Math.imul((scrambled << 7) | (scrambled >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    counts[origin + (((output >>> 0) * scale) | 0) * lanes]++;
  }
  states[offset] = s0;
  states[offset + 1] = s1;
  states[offset + 2] = s2;
  states[offset + 3] = s3;
}

/**
 * Adds one multinomial resample of `n` draws over rows 0..n-1 to lane `lane` of `counts`
 * (length >= n * lanes), using the generator state `state` (one stream per resample, see
 * random.ts). The draws do not depend on the layout: the same state gives the same counts.
 */
export function addMultinomialCounts(counts: Uint8Array, n: number, state: XoshiroState, lanes = 1, lane = 0): void {
  if (n === 0) return;
  const random = new Xoshiro128(state);
  const drawsPerBlock = planBlocks(n, random);
  const states = Int32Array.from(random.state());
  for (let block = 0; block < drawsPerBlock.length; block++) {
    const base = block * BLOCK_SIZE;
    drawBlock(counts, lanes, lane, base, Math.min(BLOCK_SIZE, n - base), drawsPerBlock[block], states, 0);
  }
}

/**
 * A seeded generator of card transactions for the fraud example and the demo: "a fraud model trained
 * before a new scam pattern emerged will sail through every uptime check while quietly missing the
 * fraud". Pure and deterministic: the same options give the same table on every platform.
 *
 * Each row is one transaction of a random cardholder. Label first, then features given the label:
 *
 * - legitimate: the cardholder's usual spend (amount_vs_avg ~ log-normal around 1), daytime hours,
 *   mostly the home country (US), chip / contactless cards, few recent transactions;
 * - "account takeover" fraud (both scenarios): unusually large amounts for the cardholder (high
 *   amount_vs_avg), night hours, foreign countries, online purchases of electronics, travel or
 *   gambling, a burst of recent transactions (velocity_1h);
 * - "card testing" fraud (scenario "new_scam" only, `newScamShare` of its fraud): many tiny
 *   purchases from a new device type `virtual_card` at a new merchant category `digital_goods`
 *   that training data never held, in daytime from the home country, spread over the day (high
 *   velocity_24h but ordinary velocity_1h). A model trained on the baseline sees small amounts and
 *   a home country and scores these rows as safe.
 *
 * The production era ("new_scam") also shifts legitimate traffic a little: some cardholders adopt
 * virtual cards and buy digital goods (so the new categories are not a perfect fraud flag), and
 * velocity_24h rises, so input drift shows in numeric columns as well as categorical ones.
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from "../data/table.ts";
import { createRandom, type RandomSource } from "../stats/numeric/random.ts";

type TransactionScenario = "baseline" | "new_scam";

export interface TransactionOptions {
  rows: number;
  /** An integer in [0, 2^32); the same seed gives the same rows. */
  seed: number;
  /** "baseline" (the training era, the default) or "new_scam" (production after the new pattern). */
  scenario?: TransactionScenario;
  /** Share of the fraud that follows the new card-testing pattern in "new_scam". Default 0.5. */
  newScamShare?: number;
}

/** The label column. */
export const FRAUD_LABEL = "is_fraud";
/** Feature columns in file order (the label comes last). */
export const TRANSACTION_FEATURES = [
  "amount",
  "merchant_category",
  "hour",
  "country",
  "device",
  "velocity_1h",
  "velocity_24h",
  "amount_vs_avg",
] as const;
/** The features that hold text. */
export const CATEGORICAL_TRANSACTION_FEATURES = ["merchant_category", "country", "device"] as const;
/** The device type and merchant category that appear only with the new scam. */
export const NEW_SCAM_DEVICE = "virtual_card";
export const NEW_SCAM_CATEGORY = "digital_goods";
/** The fraud rate of each scenario (the new scam adds fraud on top of the old kind). */
const FRAUD_RATE: Readonly<Record<TransactionScenario, number>> = { baseline: 0.025, new_scam: 0.03 };
const HOME_COUNTRY = "US";

/** Category → relative weight. The order of the keys is the order of the table's categories. */
type Weights = Readonly<Record<string, number>>;

const CATEGORIES = [
  "grocery",
  "fuel",
  "restaurants",
  "retail",
  "pharmacy",
  "travel",
  "electronics",
  "online_services",
  "gambling",
  NEW_SCAM_CATEGORY,
];
const COUNTRIES = [HOME_COUNTRY, "CA", "MX", "GB", "DE", "FR", "BR", "NG"];
const DEVICES = ["chip", "contactless", "online", "mobile_wallet", NEW_SCAM_DEVICE];

const LEGIT_CATEGORY: Weights = {
  grocery: 28,
  fuel: 12,
  restaurants: 14,
  retail: 14,
  pharmacy: 5,
  travel: 4,
  electronics: 5,
  online_services: 16,
  gambling: 2,
};
const LEGIT_CATEGORY_NEW_ERA: Weights = { ...LEGIT_CATEGORY, [NEW_SCAM_CATEGORY]: 4 };
const TAKEOVER_CATEGORY: Weights = {
  grocery: 6,
  fuel: 5,
  restaurants: 4,
  retail: 12,
  pharmacy: 2,
  travel: 14,
  electronics: 22,
  online_services: 20,
  gambling: 15,
};
const TESTING_CATEGORY: Weights = { online_services: 35, [NEW_SCAM_CATEGORY]: 65 };

const LEGIT_COUNTRY: Weights = { US: 93, CA: 2, MX: 1.5, GB: 1.2, DE: 0.8, FR: 0.8, BR: 0.4, NG: 0.3 };
const TAKEOVER_COUNTRY: Weights = { US: 72, CA: 4, MX: 5, GB: 5, DE: 2, FR: 2, BR: 5, NG: 5 };
const TESTING_COUNTRY: Weights = { US: 92, CA: 3, MX: 2, GB: 1, BR: 1, NG: 1 };

const LEGIT_DEVICE: Weights = { chip: 38, contactless: 32, online: 20, mobile_wallet: 10 };
const LEGIT_DEVICE_NEW_ERA: Weights = {
  chip: 33,
  contactless: 30,
  online: 20,
  mobile_wallet: 12,
  [NEW_SCAM_DEVICE]: 5,
};
const TAKEOVER_DEVICE: Weights = { chip: 26, contactless: 18, online: 38, mobile_wallet: 18 };
const TESTING_DEVICE: Weights = { online: 20, [NEW_SCAM_DEVICE]: 80 };

/** Relative activity per hour 0..23: quiet at night, a midday and an evening peak. */
const DAY_PROFILE = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 4.5, 5, 5.5, 6, 7, 6.5, 6, 6, 6.5, 7, 7.5, 7, 6, 4.5, 3, 2];
/** Account takeovers happen while the cardholder sleeps more often than legitimate spending does. */
const NIGHT_HOURS = [0, 1, 2, 3, 4, 5];
const TAKEOVER_NIGHT_SHARE = 0.3;

/** Transactions in the last 24 hours besides the last hour's: people shop a little more often online now. */
const LEGIT_DAILY_RATE = 2.5;
const LEGIT_DAILY_RATE_NEW_ERA = 3;

interface Transaction {
  amount: number;
  merchantCategory: string;
  hour: number;
  country: string;
  device: string;
  velocity1h: number;
  velocity24h: number;
  amountVsAvg: number;
  isFraud: number;
}

export function generateTransactions(options: TransactionOptions): Table {
  const scenario = options.scenario ?? "baseline";
  const rows = options.rows;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (scenario !== "baseline" && scenario !== "new_scam")
    throw new RangeError(`scenario must be "baseline" or "new_scam", got ${JSON.stringify(scenario)}`);
  const newScamShare = scenario === "new_scam" ? (options.newScamShare ?? 0.5) : 0;
  if (!(newScamShare >= 0 && newScamShare <= 1))
    throw new RangeError(`newScamShare must be in [0, 1], got ${options.newScamShare}`);
  const random = createRandom(options.seed);
  const newEra = scenario === "new_scam";
  const fraudRate = FRAUD_RATE[scenario];

  const amount = new Float64Array(rows);
  const hour = new Float64Array(rows);
  const velocity1h = new Float64Array(rows);
  const velocity24h = new Float64Array(rows);
  const amountVsAvg = new Float64Array(rows);
  const isFraud = new Float64Array(rows);
  const merchantCategory = new Int32Array(rows);
  const country = new Int32Array(rows);
  const device = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const fraud = random.nextFloat() < fraudRate;
    const t = !fraud
      ? legitimate(random, newEra)
      : random.nextFloat() < newScamShare
        ? cardTesting(random)
        : accountTakeover(random);
    amount[i] = t.amount;
    hour[i] = t.hour;
    velocity1h[i] = t.velocity1h;
    velocity24h[i] = t.velocity24h;
    amountVsAvg[i] = t.amountVsAvg;
    isFraud[i] = t.isFraud;
    merchantCategory[i] = CATEGORIES.indexOf(t.merchantCategory);
    country[i] = COUNTRIES.indexOf(t.country);
    device[i] = DEVICES.indexOf(t.device);
  }
  // Categories the scenario cannot produce are left out, as a reader of the written file would.
  const vocabulary = (all: string[]) =>
    newEra ? all : all.filter((c) => c !== NEW_SCAM_CATEGORY && c !== NEW_SCAM_DEVICE);
  const columns: Column[] = [
    numeric("amount", amount),
    categorical("merchant_category", merchantCategory, CATEGORIES, vocabulary(CATEGORIES)),
    numeric("hour", hour),
    categorical("country", country, COUNTRIES, COUNTRIES),
    categorical("device", device, DEVICES, vocabulary(DEVICES)),
    numeric("velocity_1h", velocity1h),
    numeric("velocity_24h", velocity24h),
    numeric("amount_vs_avg", amountVsAvg),
    numeric(FRAUD_LABEL, isFraud),
  ];
  return {
    source: `generated transactions (scenario ${scenario}, seed ${options.seed}, ${rows} rows)`,
    rowCount: rows,
    columns,
  };
}

/** The cardholder's average transaction amount: log-normal with median about 37. */
function cardholderAverage(random: RandomSource): number {
  return Math.exp(3.6 + 0.55 * normal(random));
}

function legitimate(random: RandomSource, newEra: boolean): Transaction {
  const average = cardholderAverage(random);
  const amount = cents(average * Math.exp(-0.1 + 0.55 * normal(random)));
  const velocity1h = poisson(random, 0.25);
  return {
    amount,
    merchantCategory: pick(random, newEra ? LEGIT_CATEGORY_NEW_ERA : LEGIT_CATEGORY),
    hour: pickIndex(random, DAY_PROFILE),
    country: pick(random, LEGIT_COUNTRY),
    device: pick(random, newEra ? LEGIT_DEVICE_NEW_ERA : LEGIT_DEVICE),
    velocity1h,
    velocity24h: velocity1h + poisson(random, newEra ? LEGIT_DAILY_RATE_NEW_ERA : LEGIT_DAILY_RATE),
    amountVsAvg: ratio(amount, average),
    isFraud: 0,
  };
}

function accountTakeover(random: RandomSource): Transaction {
  const average = cardholderAverage(random);
  const amount = cents(average * Math.exp(0.6 + 0.8 * normal(random)));
  const hour =
    random.nextFloat() < TAKEOVER_NIGHT_SHARE
      ? NIGHT_HOURS[random.nextBelow(NIGHT_HOURS.length)]
      : pickIndex(random, DAY_PROFILE);
  const velocity1h = poisson(random, 0.8);
  return {
    amount,
    merchantCategory: pick(random, TAKEOVER_CATEGORY),
    hour,
    country: pick(random, TAKEOVER_COUNTRY),
    device: pick(random, TAKEOVER_DEVICE),
    velocity1h,
    velocity24h: velocity1h + poisson(random, 2.5),
    amountVsAvg: ratio(amount, average),
    isFraud: 1,
  };
}

function cardTesting(random: RandomSource): Transaction {
  const average = cardholderAverage(random);
  const amount = cents(Math.exp(Math.log(3) + 0.6 * normal(random)));
  const velocity1h = poisson(random, 0.5);
  return {
    amount,
    merchantCategory: pick(random, TESTING_CATEGORY),
    hour: pickIndex(random, DAY_PROFILE),
    country: pick(random, TESTING_COUNTRY),
    device: pick(random, TESTING_DEVICE),
    velocity1h,
    velocity24h: velocity1h + poisson(random, 9),
    amountVsAvg: ratio(amount, average),
    isFraud: 1,
  };
}

/** Amounts are whole cents, at least 0.50. */
function cents(value: number): number {
  return Math.max(50, Math.round(value * 100)) / 100;
}

function ratio(amount: number, average: number): number {
  return Math.round((amount / average) * 1000) / 1000;
}

/** Standard normal by Box-Muller (cosine branch only, so each draw uses exactly two uniforms). */
function normal(random: RandomSource): number {
  const u = 1 - random.nextFloat(); // (0, 1]: log(u) is finite
  const v = random.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson(λ) by Knuth's multiplication method (fine for the small λ used here). */
function poisson(random: RandomSource, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random.nextFloat();
  while (product > limit) {
    k++;
    product *= random.nextFloat();
  }
  return k;
}

function pick(random: RandomSource, weights: Weights): string {
  const keys = Object.keys(weights);
  return keys[
    pickIndex(
      random,
      keys.map((key) => weights[key]),
    )
  ];
}

function pickIndex(random: RandomSource, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = random.nextFloat() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function numeric(name: string, values: Float64Array): NumericColumn {
  return { kind: "numeric", name, values };
}

/** Re-codes `codes` (indexes into `all`) against the scenario's own category list. */
function categorical(
  name: string,
  codes: Int32Array,
  all: readonly string[],
  categories: readonly string[],
): CategoricalColumn {
  const remap = all.map((category) => categories.indexOf(category));
  return { kind: "categorical", name, codes: codes.map((code) => remap[code]), categories };
}

/**
 * The table as CSV text (RFC 4180): a header row, then one record per row, fields separated by
 * commas; a field holding a comma, a quote or a line break is quoted, with quotes doubled. Numbers
 * are written in JavaScript's shortest round-trip form (0.1, 12.5, 1e-7); a missing value (NaN, or
 * category code −1) is an empty field. Records end with `lineEnding` (default "\n"; RFC 4180's
 * CRLF on request; readers of this project accept both).
 *
 * Example: columns amount [12.5, NaN] and country ["US", "a,b"] → "amount,country\n12.5,US\n,\"a,b\"\n".
 */
export function toCsv(table: Table, options: { lineEnding?: "\n" | "\r\n" } = {}): string {
  const lineEnding = options.lineEnding ?? "\n";
  const lines: string[] = [table.columns.map((c) => csvField(c.name)).join(",")];
  const cells = table.columns.map((c) => (c.kind === "categorical" ? c.categories.map(csvField) : undefined));
  for (let row = 0; row < table.rowCount; row++) {
    const fields = table.columns.map((c, j) => {
      if (c.kind === "numeric") return Number.isNaN(c.values[row]) ? "" : String(c.values[row]);
      const code = c.codes[row];
      return code < 0 ? "" : cells[j]![code];
    });
    lines.push(fields.join(","));
  }
  return lines.join(lineEnding) + lineEnding;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

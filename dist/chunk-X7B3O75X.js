import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  createRandom
} from "./chunk-B2QWUM32.js";
import {
  UserError
} from "./chunk-G5TKV47H.js";

// demo/package-root.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot(from = import.meta.url) {
  let dir = dirname(fileURLToPath(from));
  for (; ; ) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "modelkeeper") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no modelkeeper package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

// src/demo/transactions.ts
var FRAUD_LABEL = "is_fraud";
var TRANSACTION_FEATURES = [
  "amount",
  "merchant_category",
  "hour",
  "country",
  "device",
  "velocity_1h",
  "velocity_24h",
  "amount_vs_avg"
];
var NEW_SCAM_DEVICE = "virtual_card";
var NEW_SCAM_CATEGORY = "digital_goods";
var FRAUD_RATE = { baseline: 0.025, new_scam: 0.03 };
var HOME_COUNTRY = "US";
var CATEGORIES = [
  "grocery",
  "fuel",
  "restaurants",
  "retail",
  "pharmacy",
  "travel",
  "electronics",
  "online_services",
  "gambling",
  NEW_SCAM_CATEGORY
];
var COUNTRIES = [HOME_COUNTRY, "CA", "MX", "GB", "DE", "FR", "BR", "NG"];
var DEVICES = ["chip", "contactless", "online", "mobile_wallet", NEW_SCAM_DEVICE];
var LEGIT_CATEGORY = {
  grocery: 28,
  fuel: 12,
  restaurants: 14,
  retail: 14,
  pharmacy: 5,
  travel: 4,
  electronics: 5,
  online_services: 16,
  gambling: 2
};
var LEGIT_CATEGORY_NEW_ERA = { ...LEGIT_CATEGORY, [NEW_SCAM_CATEGORY]: 4 };
var TAKEOVER_CATEGORY = {
  grocery: 6,
  fuel: 5,
  restaurants: 4,
  retail: 12,
  pharmacy: 2,
  travel: 14,
  electronics: 22,
  online_services: 20,
  gambling: 15
};
var TESTING_CATEGORY = { online_services: 35, [NEW_SCAM_CATEGORY]: 65 };
var LEGIT_COUNTRY = { US: 93, CA: 2, MX: 1.5, GB: 1.2, DE: 0.8, FR: 0.8, BR: 0.4, NG: 0.3 };
var TAKEOVER_COUNTRY = { US: 72, CA: 4, MX: 5, GB: 5, DE: 2, FR: 2, BR: 5, NG: 5 };
var TESTING_COUNTRY = { US: 92, CA: 3, MX: 2, GB: 1, BR: 1, NG: 1 };
var LEGIT_DEVICE = { chip: 38, contactless: 32, online: 20, mobile_wallet: 10 };
var LEGIT_DEVICE_NEW_ERA = {
  chip: 33,
  contactless: 30,
  online: 20,
  mobile_wallet: 12,
  [NEW_SCAM_DEVICE]: 5
};
var TAKEOVER_DEVICE = { chip: 26, contactless: 18, online: 38, mobile_wallet: 18 };
var TESTING_DEVICE = { online: 20, [NEW_SCAM_DEVICE]: 80 };
var DAY_PROFILE = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 4.5, 5, 5.5, 6, 7, 6.5, 6, 6, 6.5, 7, 7.5, 7, 6, 4.5, 3, 2];
var NIGHT_HOURS = [0, 1, 2, 3, 4, 5];
var TAKEOVER_NIGHT_SHARE = 0.3;
var LEGIT_DAILY_RATE = 2.5;
var LEGIT_DAILY_RATE_NEW_ERA = 3;
function generateTransactions(options) {
  const scenario = options.scenario ?? "baseline";
  const rows = options.rows;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (scenario !== "baseline" && scenario !== "new_scam")
    throw new RangeError(`scenario must be "baseline" or "new_scam", got ${JSON.stringify(scenario)}`);
  const newScamShare = scenario === "new_scam" ? options.newScamShare ?? 0.5 : 0;
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
    const t = !fraud ? legitimate(random, newEra) : random.nextFloat() < newScamShare ? cardTesting(random) : accountTakeover(random);
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
  const vocabulary = (all) => newEra ? all : all.filter((c) => c !== NEW_SCAM_CATEGORY && c !== NEW_SCAM_DEVICE);
  const columns = [
    numeric("amount", amount),
    categorical("merchant_category", merchantCategory, CATEGORIES, vocabulary(CATEGORIES)),
    numeric("hour", hour),
    categorical("country", country, COUNTRIES, COUNTRIES),
    categorical("device", device, DEVICES, vocabulary(DEVICES)),
    numeric("velocity_1h", velocity1h),
    numeric("velocity_24h", velocity24h),
    numeric("amount_vs_avg", amountVsAvg),
    numeric(FRAUD_LABEL, isFraud)
  ];
  return {
    source: `generated transactions (scenario ${scenario}, seed ${options.seed}, ${rows} rows)`,
    rowCount: rows,
    columns
  };
}
function cardholderAverage(random) {
  return Math.exp(3.6 + 0.55 * normal(random));
}
function legitimate(random, newEra) {
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
    isFraud: 0
  };
}
function accountTakeover(random) {
  const average = cardholderAverage(random);
  const amount = cents(average * Math.exp(0.6 + 0.8 * normal(random)));
  const hour = random.nextFloat() < TAKEOVER_NIGHT_SHARE ? NIGHT_HOURS[random.nextBelow(NIGHT_HOURS.length)] : pickIndex(random, DAY_PROFILE);
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
    isFraud: 1
  };
}
function cardTesting(random) {
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
    isFraud: 1
  };
}
function cents(value) {
  return Math.max(50, Math.round(value * 100)) / 100;
}
function ratio(amount, average) {
  return Math.round(amount / average * 1e3) / 1e3;
}
function normal(random) {
  const u = 1 - random.nextFloat();
  const v = random.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function poisson(random, lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random.nextFloat();
  while (product > limit) {
    k++;
    product *= random.nextFloat();
  }
  return k;
}
function pick(random, weights) {
  const keys = Object.keys(weights);
  return keys[pickIndex(
    random,
    keys.map((key) => weights[key])
  )];
}
function pickIndex(random, weights) {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = random.nextFloat() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}
function numeric(name, values) {
  return { kind: "numeric", name, values };
}
function categorical(name, codes, all, categories) {
  const remap = all.map((category) => categories.indexOf(category));
  return { kind: "categorical", name, codes: codes.map((code) => remap[code]), categories };
}
function toCsv(table, options = {}) {
  const lineEnding = options.lineEnding ?? "\n";
  const lines = [table.columns.map((c) => csvField(c.name)).join(",")];
  const cells = table.columns.map((c) => c.kind === "categorical" ? c.categories.map(csvField) : void 0);
  for (let row = 0; row < table.rowCount; row++) {
    const fields = table.columns.map((c, j) => {
      if (c.kind === "numeric") return Number.isNaN(c.values[row]) ? "" : String(c.values[row]);
      const code = c.codes[row];
      return code < 0 ? "" : cells[j][code];
    });
    lines.push(fields.join(","));
  }
  return lines.join(lineEnding) + lineEnding;
}
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// src/serve/infer-body.ts
function inferBody(table, features, start, count, id) {
  const inputs = features.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`column ${name} is not in ${table.source}`);
    const data = [];
    for (let i = start; i < start + count; i++) {
      data.push(
        column.kind === "numeric" ? column.values[i] : column.codes[i] < 0 ? "" : column.categories[column.codes[i]]
      );
    }
    return { name, shape: [count], datatype: column.kind === "numeric" ? "FP64" : "BYTES", data };
  });
  return id === void 0 ? { inputs } : { id, inputs };
}

// demo/serve-process.ts
import { spawn } from "node:child_process";
import { join as join2 } from "node:path";
var BIN = join2(packageRoot(), "bin", "modelkeeper.js");
async function startServe(repo, env, argv, label) {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: repo, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => stdout += chunk);
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  try {
    const url = await new Promise((resolve, reject) => {
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        const ready = /ready on (http:\/\/\S+)/.exec(stderr);
        if (ready) resolve(ready[1]);
      });
      void exited.then(
        (code) => reject(new UserError(`demo: modelkeeper ${label} exited ${code} before it was ready:
${stderr}`))
      );
    });
    return {
      url,
      stderr: () => stderr,
      kill,
      async stop() {
        child.kill("SIGTERM");
        const code = await exited;
        if (code !== 0)
          throw new UserError(`demo: modelkeeper serve exited ${code} after SIGTERM, expected 0:
${stderr}`);
        return stdout;
      }
    };
  } catch (error) {
    kill();
    throw error;
  }
}

export {
  packageRoot,
  FRAUD_LABEL,
  TRANSACTION_FEATURES,
  generateTransactions,
  toCsv,
  inferBody,
  startServe
};

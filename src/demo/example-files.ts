/**
 * The example repository's files (interim: a small deterministic model until the ONNX trainer
 * lands; see issue 7 for the full fraud example).
 */
export function exampleFiles(): Record<string, string> {
  const rows = ["amount,hour,country,is_fraud"];
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 500; i++) {
    const fraud = next() < 0.05 ? 1 : 0;
    const amount = (fraud ? 400 : 60) * (0.5 + next());
    rows.push(`${amount.toFixed(2)},${Math.floor(next() * 24)},${["GB", "FR", "DE", "US"][Math.floor(next() * 4)]},${fraud}`);
  }
  const train = rows.slice(0, 401).join("\n") + "\n";
  const holdout = [rows[0], ...rows.slice(401)].join("\n") + "\n";
  return {
    "modelkeeper.yml": [
      "models:",
      "  fraud:",
      "    task: binary",
      "    artifact: models/fraud.json",
      "    train: node train.mjs",
      "    label: is_fraud",
      "    features: [amount, hour]",
      "    data:",
      "      train: data/train.csv",
      "      holdout: data/holdout.csv",
      "    code: [train.mjs]",
      "    config: [params.json]",
      "",
    ].join("\n"),
    "params.json": JSON.stringify({ threshold_quantile: 0.95 }, null, 2) + "\n",
    "data/train.csv": train,
    "data/holdout.csv": holdout,
    "train.mjs": [
      "// Learns an amount threshold: the simplest deterministic model (interim demo).",
      "import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';",
      "const params = JSON.parse(readFileSync('params.json', 'utf8'));",
      "const amounts = readFileSync('data/train.csv', 'utf8').trim().split('\\n').slice(1).map((r) => Number(r.split(',')[0])).sort((a, b) => a - b);",
      "const threshold = amounts[Math.floor(amounts.length * params.threshold_quantile)];",
      "mkdirSync('models', { recursive: true });",
      "writeFileSync('models/fraud.json', JSON.stringify({ feature: 'amount', threshold }) + '\\n');",
      "",
    ].join("\n"),
    ".gitignore": "node_modules/\n",
  };
}

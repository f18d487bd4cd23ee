/**
 * The server's Prometheus metrics (prom-client, on a registry of its own so tests and several
 * servers in one process never share counters). Names follow Prometheus conventions: _total
 * counters, _seconds histograms.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServeMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "modelkeeper_requests_total",
    help: "Infer requests answered, by model, version and HTTP status code",
    labelNames: ["model", "version", "code"],
    registers: [this.registry],
  });
  readonly failures = new Counter({
    name: "modelkeeper_request_failures_total",
    help: "Infer requests answered with a 4xx or 5xx status, by model, version and code",
    labelNames: ["model", "version", "code"],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "modelkeeper_request_duration_seconds",
    help: "Infer request time from arrival to answer",
    labelNames: ["model", "version"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly queueTime = new Histogram({
    name: "modelkeeper_queue_wait_seconds",
    help: "Time an infer request waited for a model run slot",
    labelNames: ["model"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly rows = new Counter({
    name: "modelkeeper_rows_scored_total",
    help: "Rows scored, by model, version and endpoint (stable, canary, shadow)",
    labelNames: ["model", "version", "endpoint"],
    registers: [this.registry],
  });
  readonly logWritten = new Counter({
    name: "modelkeeper_log_records_written_total",
    help: "Prediction log records written",
    registers: [this.registry],
  });
  readonly logDropped = new Counter({
    name: "modelkeeper_log_records_dropped_total",
    help: "Prediction log records dropped, by reason (queue-full, write-error)",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly logSkipped = new Counter({
    name: "modelkeeper_log_records_sampled_out_total",
    help: "Rows not logged because of log sampling",
    registers: [this.registry],
  });
  readonly champion = new Gauge({
    name: "modelkeeper_champion_info",
    help: "The model being served (value 1), by model, version and artifact sha256",
    labelNames: ["model", "version", "sha256"],
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: "modelkeeper_champion_reloads_total",
    help: "Attempts to load a new champion, by result (loaded, failed)",
    labelNames: ["model", "result"],
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: "modelkeeper_requests_in_flight",
    help: "Model runs in progress",
    registers: [this.registry],
  });
  readonly queued = new Gauge({
    name: "modelkeeper_requests_queued",
    help: "Infer requests waiting for a run slot",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  answered(model: string, version: string, code: number, seconds?: number): void {
    const labels = { model, version, code: String(code) };
    this.requests.inc(labels);
    if (code >= 400) this.failures.inc(labels);
    if (seconds !== undefined) this.latency.observe({ model, version }, seconds);
  }

  setChampion(model: string, version: string, sha256: string): void {
    this.champion.reset();
    this.champion.set({ model, version, sha256 }, 1);
  }
}

/**
 * The prediction log's formatting thread: batches in, the JSON Lines bytes out (transferred, not
 * copied). Formatting numbers as text is most of the log's cost; here it stays off the event loop
 * that answers requests.
 */
import { parentPort } from "node:worker_threads";
import { formatRecords, type LogBatch } from "./log-record.ts";

const encoder = new TextEncoder();

parentPort!.on("message", ({ id, batches }: { id: number; batches: LogBatch[] }) => {
  try {
    const bytes = encoder.encode(batches.map(formatRecords).join(""));
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});

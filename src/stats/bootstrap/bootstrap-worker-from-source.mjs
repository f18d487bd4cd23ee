// Worker entry when modelkeeper runs from its TypeScript sources (tsx): Node 20 does not apply
// the parent's `--import tsx` loader inside worker threads, so register it here, then load the
// real entry. The bundled build loads bootstrap-worker.js directly instead.
import { register } from "tsx/esm/api";

register();
await import("./bootstrap-worker.ts");

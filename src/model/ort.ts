/**
 * The one door to onnxruntime-node. Since 1.2x the native library starts a telemetry system on
 * Linux and macOS that persists a device id under ~/.cache/Microsoft/DeveloperTools and may upload
 * events, unless ORT_DISABLE_TELEMETRY is set when the runtime starts. A static `import` would be
 * hoisted above any statement that sets it, so the variable is set here first and the package is
 * loaded with a dynamic import afterwards; every other module must use `loadOrt()` (and may only
 * `import type` from onnxruntime-node).
 */
process.env.ORT_DISABLE_TELEMETRY = "1";

type Ort = typeof import("onnxruntime-node");

let ort: Promise<Ort> | undefined;

export function loadOrt(): Promise<Ort> {
  if (!ort) {
    // Again at first use, in case something cleared the variable after this module loaded.
    process.env.ORT_DISABLE_TELEMETRY = "1";
    ort = import("onnxruntime-node");
  }
  return ort;
}

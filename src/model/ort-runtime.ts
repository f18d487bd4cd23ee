/**
 * Which ONNX runtime runs the models: a pure decision, so every platform GitHub hosts can be
 * checked here. The WebAssembly build of onnxruntime (onnxruntime-web) ships inside modelkeeper
 * and runs wherever Node does; the native onnxruntime-node is used only when the user installed it
 * and it has a binding for this platform (it is ~2x faster per batch, see README "Install").
 *
 * MODELKEEPER_ORT: "auto" (default) native when its binding is there, else wasm; "wasm" always the
 * shipped runtime; "native" onnxruntime-node or a clear error before any work starts.
 */
import { UserError } from "../errors.ts";

type RuntimeName = "native" | "wasm";

export interface RuntimeChoice {
  runtime: RuntimeName;
  /** The user asked for this runtime: a failure to load it is an error, not a fallback. */
  forced: boolean;
  /** One sentence: why this runtime. */
  reason: string;
}

export interface RuntimeFacts {
  /** MODELKEEPER_ORT as set, if at all. */
  requested: string | undefined;
  /** process.platform and process.arch, as onnxruntime-node's binding lookup sees them. */
  platform: string;
  arch: string;
  /** Where onnxruntime-node keeps the binding for platform/arch, if it is installed and has one. */
  nativeBinding: string | undefined;
  /** Whether onnxruntime-node is installed at all (to tell "not installed" from "no binding"). */
  nativeInstalled: boolean;
}

const REQUESTS = ["auto", "wasm", "native"] as const;

export function chooseRuntime(facts: RuntimeFacts): RuntimeChoice {
  const requested = (facts.requested ?? "").trim().toLowerCase() || "auto";
  if (!(REQUESTS as readonly string[]).includes(requested)) {
    throw new UserError(
      `MODELKEEPER_ORT="${facts.requested}" is not a runtime. Use auto (the default), wasm or native.`,
      { key: "MODELKEEPER_ORT" },
    );
  }
  const target = `${facts.platform}-${facts.arch}`;
  if (requested === "wasm") return { runtime: "wasm", forced: true, reason: "MODELKEEPER_ORT=wasm" };
  if (requested === "native") {
    if (!facts.nativeInstalled) {
      throw new UserError(
        `MODELKEEPER_ORT=native, but onnxruntime-node is not installed. Run \`npm install onnxruntime-node --ignore-scripts\` ` +
          `(its install script only fetches optional CUDA libraries), or unset MODELKEEPER_ORT to use the WebAssembly runtime modelkeeper ships.`,
        { key: "MODELKEEPER_ORT" },
      );
    }
    if (!facts.nativeBinding) {
      throw new UserError(
        `MODELKEEPER_ORT=native, but onnxruntime-node has no binding for ${target} (it ships linux-x64, linux-arm64, darwin-arm64, win32-x64 and win32-arm64). ` +
          `Unset MODELKEEPER_ORT to use the WebAssembly runtime modelkeeper ships, which runs on every platform Node runs on.`,
        { key: "MODELKEEPER_ORT" },
      );
    }
    return { runtime: "native", forced: true, reason: `MODELKEEPER_ORT=native (${target})` };
  }
  if (facts.nativeBinding)
    return { runtime: "native", forced: false, reason: `onnxruntime-node is installed with a binding for ${target}` };
  return {
    runtime: "wasm",
    forced: false,
    reason: facts.nativeInstalled
      ? `onnxruntime-node has no binding for ${target}`
      : "onnxruntime-node is not installed",
  };
}

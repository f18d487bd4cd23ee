// Which ONNX runtime runs the models, on every runner GitHub hosts, as onnxruntime-node's binding
// lookup sees them (bin/napi-v6/<platform>/<arch>/): a pure decision, checked table by table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseRuntime, type RuntimeFacts } from "../../src/model/ort-runtime.ts";
import { isUserError } from "../../src/errors.ts";

const facts = (over: Partial<RuntimeFacts>): RuntimeFacts => ({
  requested: undefined,
  platform: "linux",
  arch: "x64",
  nativeInstalled: false,
  nativeBinding: undefined,
  ...over,
});
const binding = (platform: string, arch: string) =>
  `/app/node_modules/onnxruntime-node/bin/napi-v6/${platform}/${arch}/onnxruntime_binding.node`;

test("by default: the shipped WebAssembly runtime, unless onnxruntime-node is installed with a binding for this platform", () => {
  const runners = [
    ["linux", "x64"],
    ["linux", "arm64"],
    ["darwin", "arm64"],
    ["win32", "x64"],
  ];
  for (const [platform, arch] of runners) {
    assert.deepEqual(chooseRuntime(facts({ platform, arch })), {
      runtime: "wasm",
      forced: false,
      reason: "onnxruntime-node is not installed",
    });
    assert.deepEqual(
      chooseRuntime(facts({ platform, arch, nativeInstalled: true, nativeBinding: binding(platform, arch) })),
      {
        runtime: "native",
        forced: false,
        reason: `onnxruntime-node is installed with a binding for ${platform}-${arch}`,
      },
    );
  }
  // Installed, but without a binding here (an old macOS x64 runner): WebAssembly, and why.
  assert.deepEqual(chooseRuntime(facts({ platform: "darwin", arch: "x64", nativeInstalled: true })), {
    runtime: "wasm",
    forced: false,
    reason: "onnxruntime-node has no binding for darwin-x64",
  });
  for (const requested of ["", "  ", "AUTO", " auto "])
    assert.equal(chooseRuntime(facts({ requested })).runtime, "wasm");
});

test("MODELKEEPER_ORT=wasm always takes the shipped runtime; =native takes onnxruntime-node or fails with what to do", () => {
  assert.deepEqual(
    chooseRuntime(facts({ requested: "wasm", nativeInstalled: true, nativeBinding: binding("linux", "x64") })),
    { runtime: "wasm", forced: true, reason: "MODELKEEPER_ORT=wasm" },
  );
  assert.deepEqual(
    chooseRuntime(
      facts({ requested: "native", nativeInstalled: true, nativeBinding: binding("linux", "arm64"), arch: "arm64" }),
    ),
    { runtime: "native", forced: true, reason: "MODELKEEPER_ORT=native (linux-arm64)" },
  );
  const refused = (over: Partial<RuntimeFacts>, message: RegExp) =>
    assert.throws(
      () => chooseRuntime(facts(over)),
      (error: unknown) => isUserError(error) && message.test(error.message) && error.where?.key === "MODELKEEPER_ORT",
    );
  refused(
    { requested: "native" },
    /onnxruntime-node is not installed\. Run `npm install onnxruntime-node --ignore-scripts`/,
  );
  refused(
    { requested: "native", nativeInstalled: true, platform: "freebsd", arch: "x64" },
    /no binding for freebsd-x64 .*Unset MODELKEEPER_ORT/,
  );
  refused(
    { requested: "cuda" },
    /MODELKEEPER_ORT="cuda" is not a runtime\. Use auto \(the default\), wasm or native\./,
  );
});

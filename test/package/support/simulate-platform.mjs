// Preloaded with `node --import`: makes process.platform and process.arch what
// MODELKEEPER_SIMULATE_PLATFORM says (e.g. "linux-arm64"), which is all onnxruntime-node's binding
// lookup (bin/napi-v6/<platform>/<arch>/) and modelkeeper's runtime choice read.
const [platform, arch] = (process.env.MODELKEEPER_SIMULATE_PLATFORM ?? "").split("-");
if (platform && arch) {
  Object.defineProperty(process, "platform", { value: platform });
  Object.defineProperty(process, "arch", { value: arch });
}

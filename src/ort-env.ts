// Imported first by every entry point: onnxruntime-node 1.30 otherwise writes a device id and a
// telemetry database under ~/.cache/Microsoft. No run of modelkeeper reports home.
process.env.ORT_DISABLE_TELEMETRY = "1";
export {};

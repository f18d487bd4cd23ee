// The serve benchmark's second baseline: the least a node:http + onnxruntime server does. It takes
// the same tabular infer body (one tensor per feature, by the model's input names), builds the
// tensors, runs the session and answers the outputs as JSON: no validation, limits, metrics or log.
//   node --import tsx bench/support/minimal-ort-server.ts MODEL.onnx   (prints "listening on PORT")
import { createServer } from "node:http";
import * as ort from "onnxruntime-node";

const session = await ort.InferenceSession.create(process.argv[2]);
const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      inputs: Array<{ name: string; datatype: string; shape: number[]; data: Array<number | string> }>;
    };
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of body.inputs) {
      const rows = input.shape[0];
      feeds[input.name] =
        input.datatype === "BYTES"
          ? new ort.Tensor("string", input.data as string[], [rows, 1])
          : new ort.Tensor("float32", Float32Array.from(input.data as number[]), [rows, 1]);
    }
    const results = await session.run(feeds);
    const outputs = Object.entries(results).map(([name, tensor]) => ({
      name,
      shape: tensor.dims,
      data: Array.from(tensor.data as ArrayLike<number | bigint>, Number),
    }));
    const text = JSON.stringify({ outputs });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening on ${(server.address() as { port: number }).port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

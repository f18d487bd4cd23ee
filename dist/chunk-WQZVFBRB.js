import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  __export
} from "./chunk-O7XNMCZ6.js";

// ../../main/node_modules/onnxruntime-web/dist/ort.node.min.mjs
import { createRequire } from "module";

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/index.js
var esm_exports = {};
__export(esm_exports, {
  InferenceSession: () => InferenceSession2,
  LoraAdapter: () => LoraAdapter2,
  TRACE: () => TRACE,
  TRACE_EVENT_BEGIN: () => TRACE_EVENT_BEGIN,
  TRACE_EVENT_END: () => TRACE_EVENT_END,
  TRACE_FUNC_BEGIN: () => TRACE_FUNC_BEGIN,
  TRACE_FUNC_END: () => TRACE_FUNC_END,
  Tensor: () => Tensor2,
  env: () => env2,
  registerBackend: () => registerBackend
});

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/backend-impl.js
var backends = /* @__PURE__ */ new Map();
var backendsSortedByPriority = [];
var backendInitQueues = /* @__PURE__ */ new WeakMap();
var registerBackend = (name, backend, priority) => {
  if (backend && typeof backend.init === "function" && typeof backend.createInferenceSessionHandler === "function") {
    const currentBackend = backends.get(name);
    if (currentBackend === void 0) {
      backends.set(name, { backend, priority });
    } else if (currentBackend.priority > priority) {
      return;
    } else if (currentBackend.priority === priority) {
      if (currentBackend.backend !== backend) {
        throw new Error(`cannot register backend "${name}" using priority ${priority}`);
      }
    }
    if (priority >= 0) {
      const i = backendsSortedByPriority.indexOf(name);
      if (i !== -1) {
        backendsSortedByPriority.splice(i, 1);
      }
      for (let i2 = 0; i2 < backendsSortedByPriority.length; i2++) {
        if (backends.get(backendsSortedByPriority[i2]).priority <= priority) {
          backendsSortedByPriority.splice(i2, 0, name);
          return;
        }
      }
      backendsSortedByPriority.push(name);
    }
    return;
  }
  throw new TypeError("not a valid backend");
};
var tryResolveAndInitializeBackend = async (backendName) => {
  const backendInfo = backends.get(backendName);
  if (!backendInfo) {
    return "backend not found.";
  }
  if (backendInfo.initialized) {
    return backendInfo.backend;
  } else if (backendInfo.aborted) {
    return backendInfo.error;
  } else {
    const isInitializing = !!backendInfo.initPromise;
    try {
      if (!isInitializing) {
        const backend = backendInfo.backend;
        const previousInit = backendInitQueues.get(backend);
        backendInfo.initPromise = previousInit ? previousInit.then(async () => backend.init(backendName), async () => backend.init(backendName)) : backend.init(backendName);
        backendInitQueues.set(backend, backendInfo.initPromise);
      }
      await backendInfo.initPromise;
      backendInfo.initialized = true;
      return backendInfo.backend;
    } catch (e) {
      if (!isInitializing) {
        backendInfo.error = `${e}`;
        backendInfo.aborted = true;
      }
      return backendInfo.error;
    } finally {
      delete backendInfo.initPromise;
    }
  }
};
var resolveBackendAndExecutionProviders = async (options) => {
  const eps = options.executionProviders || [];
  const backendHints = eps.map((i) => typeof i === "string" ? i : i.name);
  const backendNames = backendHints.length === 0 ? backendsSortedByPriority : backendHints;
  let backend;
  const errors = [];
  const availableBackendNames = /* @__PURE__ */ new Set();
  for (const backendName of backendNames) {
    const resolveResult = await tryResolveAndInitializeBackend(backendName);
    if (typeof resolveResult === "string") {
      errors.push({ name: backendName, err: resolveResult });
    } else {
      if (!backend) {
        backend = resolveResult;
      }
      if (backend === resolveResult) {
        availableBackendNames.add(backendName);
      }
    }
  }
  if (!backend) {
    throw new Error(`no available backend found. ERR: ${errors.map((e) => `[${e.name}] ${e.err}`).join(", ")}`);
  }
  for (const { name, err } of errors) {
    if (backendHints.includes(name)) {
      console.warn(`removing requested execution provider "${name}" from session options because it is not available: ${err}`);
    }
  }
  const filteredEps = eps.filter((i) => availableBackendNames.has(typeof i === "string" ? i : i.name));
  return [
    backend,
    new Proxy(options, {
      get: (target, prop) => {
        if (prop === "executionProviders") {
          return filteredEps;
        }
        return Reflect.get(target, prop);
      }
    })
  ];
};
var resolveBackendForLoraAdapter = async () => {
  const errors = [];
  for (const backendName of backendsSortedByPriority) {
    if (typeof backends.get(backendName).backend.createLoraAdapterHandler !== "function") {
      continue;
    }
    const resolveResult = await tryResolveAndInitializeBackend(backendName);
    if (typeof resolveResult !== "string") {
      return resolveResult;
    }
    errors.push({ name: backendName, err: resolveResult });
  }
  const details = errors.length === 0 ? "" : ` ERR: ${errors.map((e) => `[${e.name}] ${e.err}`).join(", ")}`;
  throw new Error(`no available backend supports LoRA adapters.${details}`);
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/version.js
var version = "1.31.1";

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/env-impl.js
var logLevelValue = "warning";
var env = {
  wasm: {},
  webgl: {},
  webgpu: {},
  versions: { common: version },
  set logLevel(value) {
    if (value === void 0) {
      return;
    }
    if (typeof value !== "string" || ["verbose", "info", "warning", "error", "fatal"].indexOf(value) === -1) {
      throw new Error(`Unsupported logging level: ${value}`);
    }
    logLevelValue = value;
  },
  get logLevel() {
    return logLevelValue;
  }
};
Object.defineProperty(env, "logLevel", { enumerable: true });

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/env.js
var env2 = env;

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/trace.js
var TRACE = (deviceType, label) => {
  if (typeof env.trace === "undefined" ? !env.wasm.trace : !env.trace) {
    return;
  }
  console.timeStamp(`${deviceType}::ORT::${label}`);
};
var TRACE_FUNC = (msg, extraMsg) => {
  const stack = new Error().stack?.split(/\r\n|\r|\n/g) || [];
  let hasTraceFunc = false;
  for (let i = 0; i < stack.length; i++) {
    if (hasTraceFunc && !stack[i].includes("TRACE_FUNC")) {
      let label = `FUNC_${msg}::${stack[i].trim().split(" ")[1]}`;
      if (extraMsg) {
        label += `::${extraMsg}`;
      }
      TRACE("CPU", label);
      return;
    }
    if (stack[i].includes("TRACE_FUNC")) {
      hasTraceFunc = true;
    }
  }
};
var TRACE_FUNC_BEGIN = (extraMsg) => {
  if (typeof env.trace === "undefined" ? !env.wasm.trace : !env.trace) {
    return;
  }
  TRACE_FUNC("BEGIN", extraMsg);
};
var TRACE_FUNC_END = (extraMsg) => {
  if (typeof env.trace === "undefined" ? !env.wasm.trace : !env.trace) {
    return;
  }
  TRACE_FUNC("END", extraMsg);
};
var TRACE_EVENT_BEGIN = (extraMsg) => {
  if (typeof env.trace === "undefined" ? !env.wasm.trace : !env.trace) {
    return;
  }
  console.time(`ORT::${extraMsg}`);
};
var TRACE_EVENT_END = (extraMsg) => {
  if (typeof env.trace === "undefined" ? !env.wasm.trace : !env.trace) {
    return;
  }
  console.timeEnd(`ORT::${extraMsg}`);
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/lora-adapter-impl.js
var LoraAdapter = class _LoraAdapter {
  constructor(backend, handler) {
    this.backend = backend;
    this.handler = handler;
  }
  static async create(uriOrBuffer) {
    TRACE_FUNC_BEGIN();
    if (typeof uriOrBuffer !== "string" && !(uriOrBuffer instanceof Uint8Array)) {
      throw new TypeError("Unexpected argument[0]: must be 'path' or 'buffer'.");
    }
    const backend = await resolveBackendForLoraAdapter();
    const handler = await backend.createLoraAdapterHandler(uriOrBuffer);
    TRACE_FUNC_END();
    return new _LoraAdapter(backend, handler);
  }
  async release() {
    return this.handler.dispose();
  }
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor-conversion-impl.js
var tensorToDataURL = (tensor, options) => {
  const canvas = typeof document !== "undefined" ? document.createElement("canvas") : new OffscreenCanvas(1, 1);
  canvas.width = tensor.dims[3];
  canvas.height = tensor.dims[2];
  const pixels2DContext = canvas.getContext("2d");
  if (pixels2DContext != null) {
    let width;
    let height;
    if (options?.tensorLayout !== void 0 && options.tensorLayout === "NHWC") {
      width = tensor.dims[2];
      height = tensor.dims[3];
    } else {
      width = tensor.dims[3];
      height = tensor.dims[2];
    }
    const inputformat = options?.format !== void 0 ? options.format : "RGB";
    const norm = options?.norm;
    let normMean;
    let normBias;
    if (norm === void 0 || norm.mean === void 0) {
      normMean = [255, 255, 255, 255];
    } else {
      if (typeof norm.mean === "number") {
        normMean = [norm.mean, norm.mean, norm.mean, norm.mean];
      } else {
        normMean = [norm.mean[0], norm.mean[1], norm.mean[2], 0];
        if (norm.mean[3] !== void 0) {
          normMean[3] = norm.mean[3];
        }
      }
    }
    if (norm === void 0 || norm.bias === void 0) {
      normBias = [0, 0, 0, 0];
    } else {
      if (typeof norm.bias === "number") {
        normBias = [norm.bias, norm.bias, norm.bias, norm.bias];
      } else {
        normBias = [norm.bias[0], norm.bias[1], norm.bias[2], 0];
        if (norm.bias[3] !== void 0) {
          normBias[3] = norm.bias[3];
        }
      }
    }
    const stride = height * width;
    let rTensorPointer = 0, gTensorPointer = stride, bTensorPointer = stride * 2, aTensorPointer = -1;
    if (inputformat === "RGBA") {
      rTensorPointer = 0;
      gTensorPointer = stride;
      bTensorPointer = stride * 2;
      aTensorPointer = stride * 3;
    } else if (inputformat === "RGB") {
      rTensorPointer = 0;
      gTensorPointer = stride;
      bTensorPointer = stride * 2;
    } else if (inputformat === "RBG") {
      rTensorPointer = 0;
      bTensorPointer = stride;
      gTensorPointer = stride * 2;
    }
    for (let i = 0; i < height; i++) {
      for (let j2 = 0; j2 < width; j2++) {
        const R = (tensor.data[rTensorPointer++] - normBias[0]) * normMean[0];
        const G = (tensor.data[gTensorPointer++] - normBias[1]) * normMean[1];
        const B = (tensor.data[bTensorPointer++] - normBias[2]) * normMean[2];
        const A = aTensorPointer === -1 ? 255 : (tensor.data[aTensorPointer++] - normBias[3]) * normMean[3];
        pixels2DContext.fillStyle = "rgba(" + R + "," + G + "," + B + "," + A + ")";
        pixels2DContext.fillRect(j2, i, 1, 1);
      }
    }
    if ("toDataURL" in canvas) {
      return canvas.toDataURL();
    } else {
      throw new Error("toDataURL is not supported");
    }
  } else {
    throw new Error("Can not access image data");
  }
};
var tensorToImageData = (tensor, options) => {
  const pixels2DContext = typeof document !== "undefined" ? document.createElement("canvas").getContext("2d") : new OffscreenCanvas(1, 1).getContext("2d");
  let image;
  if (pixels2DContext != null) {
    let width;
    let height;
    let channels;
    if (options?.tensorLayout !== void 0 && options.tensorLayout === "NHWC") {
      width = tensor.dims[2];
      height = tensor.dims[1];
      channels = tensor.dims[3];
    } else {
      width = tensor.dims[3];
      height = tensor.dims[2];
      channels = tensor.dims[1];
    }
    const inputformat = options !== void 0 ? options.format !== void 0 ? options.format : "RGB" : "RGB";
    const norm = options?.norm;
    let normMean;
    let normBias;
    if (norm === void 0 || norm.mean === void 0) {
      normMean = [255, 255, 255, 255];
    } else {
      if (typeof norm.mean === "number") {
        normMean = [norm.mean, norm.mean, norm.mean, norm.mean];
      } else {
        normMean = [norm.mean[0], norm.mean[1], norm.mean[2], 255];
        if (norm.mean[3] !== void 0) {
          normMean[3] = norm.mean[3];
        }
      }
    }
    if (norm === void 0 || norm.bias === void 0) {
      normBias = [0, 0, 0, 0];
    } else {
      if (typeof norm.bias === "number") {
        normBias = [norm.bias, norm.bias, norm.bias, norm.bias];
      } else {
        normBias = [norm.bias[0], norm.bias[1], norm.bias[2], 0];
        if (norm.bias[3] !== void 0) {
          normBias[3] = norm.bias[3];
        }
      }
    }
    const stride = height * width;
    if (options !== void 0) {
      if (options.format !== void 0 && channels === 4 && options.format !== "RGBA" || channels === 3 && options.format !== "RGB" && options.format !== "BGR") {
        throw new Error("Tensor format doesn't match input tensor dims");
      }
    }
    const step = 4;
    let rImagePointer = 0, gImagePointer = 1, bImagePointer = 2, aImagePointer = 3;
    let rTensorPointer = 0, gTensorPointer = stride, bTensorPointer = stride * 2, aTensorPointer = -1;
    if (inputformat === "RGBA") {
      rTensorPointer = 0;
      gTensorPointer = stride;
      bTensorPointer = stride * 2;
      aTensorPointer = stride * 3;
    } else if (inputformat === "RGB") {
      rTensorPointer = 0;
      gTensorPointer = stride;
      bTensorPointer = stride * 2;
    } else if (inputformat === "RBG") {
      rTensorPointer = 0;
      bTensorPointer = stride;
      gTensorPointer = stride * 2;
    }
    image = pixels2DContext.createImageData(width, height);
    for (let i = 0; i < height * width; rImagePointer += step, gImagePointer += step, bImagePointer += step, aImagePointer += step, i++) {
      image.data[rImagePointer] = (tensor.data[rTensorPointer++] - normBias[0]) * normMean[0];
      image.data[gImagePointer] = (tensor.data[gTensorPointer++] - normBias[1]) * normMean[1];
      image.data[bImagePointer] = (tensor.data[bTensorPointer++] - normBias[2]) * normMean[2];
      image.data[aImagePointer] = aTensorPointer === -1 ? 255 : (tensor.data[aTensorPointer++] - normBias[3]) * normMean[3];
    }
  } else {
    throw new Error("Can not access image data");
  }
  return image;
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor-factory-impl.js
var bufferToTensor = (buffer, options) => {
  if (buffer === void 0) {
    throw new Error("Image buffer must be defined");
  }
  if (options.height === void 0 || options.width === void 0) {
    throw new Error("Image height and width must be defined");
  }
  if (options.tensorLayout === "NHWC") {
    throw new Error("NHWC Tensor layout is not supported yet");
  }
  const { height, width } = options;
  const norm = options.norm ?? { mean: 255, bias: 0 };
  let normMean;
  let normBias;
  if (typeof norm.mean === "number") {
    normMean = [norm.mean, norm.mean, norm.mean, norm.mean];
  } else {
    normMean = [norm.mean[0], norm.mean[1], norm.mean[2], norm.mean[3] ?? 255];
  }
  if (typeof norm.bias === "number") {
    normBias = [norm.bias, norm.bias, norm.bias, norm.bias];
  } else {
    normBias = [norm.bias[0], norm.bias[1], norm.bias[2], norm.bias[3] ?? 0];
  }
  const inputformat = options.format !== void 0 ? options.format : "RGBA";
  const outputformat = options.tensorFormat !== void 0 ? options.tensorFormat !== void 0 ? options.tensorFormat : "RGB" : "RGB";
  const stride = height * width;
  const float32Data = outputformat === "RGBA" ? new Float32Array(stride * 4) : new Float32Array(stride * 3);
  let step = 4, rImagePointer = 0, gImagePointer = 1, bImagePointer = 2, aImagePointer = 3;
  let rTensorPointer = 0, gTensorPointer = stride, bTensorPointer = stride * 2, aTensorPointer = -1;
  if (inputformat === "RGB") {
    step = 3;
    rImagePointer = 0;
    gImagePointer = 1;
    bImagePointer = 2;
    aImagePointer = -1;
  }
  if (outputformat === "RGBA") {
    aTensorPointer = stride * 3;
  } else if (outputformat === "RBG") {
    rTensorPointer = 0;
    bTensorPointer = stride;
    gTensorPointer = stride * 2;
  } else if (outputformat === "BGR") {
    bTensorPointer = 0;
    gTensorPointer = stride;
    rTensorPointer = stride * 2;
  }
  for (let i = 0; i < stride; i++, rImagePointer += step, bImagePointer += step, gImagePointer += step, aImagePointer += step) {
    float32Data[rTensorPointer++] = (buffer[rImagePointer] + normBias[0]) / normMean[0];
    float32Data[gTensorPointer++] = (buffer[gImagePointer] + normBias[1]) / normMean[1];
    float32Data[bTensorPointer++] = (buffer[bImagePointer] + normBias[2]) / normMean[2];
    if (aTensorPointer !== -1 && aImagePointer !== -1) {
      float32Data[aTensorPointer++] = (buffer[aImagePointer] + normBias[3]) / normMean[3];
    }
  }
  const outputTensor = outputformat === "RGBA" ? new Tensor("float32", float32Data, [1, 4, height, width]) : new Tensor("float32", float32Data, [1, 3, height, width]);
  return outputTensor;
};
var tensorFromImage = async (image, options) => {
  const isHTMLImageEle = typeof HTMLImageElement !== "undefined" && image instanceof HTMLImageElement;
  const isImageDataEle = typeof ImageData !== "undefined" && image instanceof ImageData;
  const isImageBitmap = typeof ImageBitmap !== "undefined" && image instanceof ImageBitmap;
  const isString = typeof image === "string";
  let data;
  let bufferToTensorOptions = options ?? {};
  const createCanvas = () => {
    if (typeof document !== "undefined") {
      return document.createElement("canvas");
    } else if (typeof OffscreenCanvas !== "undefined") {
      return new OffscreenCanvas(1, 1);
    } else {
      throw new Error("Canvas is not supported");
    }
  };
  const createCanvasContext = (canvas) => {
    if (typeof HTMLCanvasElement !== "undefined" && canvas instanceof HTMLCanvasElement) {
      return canvas.getContext("2d");
    } else if (canvas instanceof OffscreenCanvas) {
      return canvas.getContext("2d");
    } else {
      return null;
    }
  };
  if (isHTMLImageEle) {
    const canvas = createCanvas();
    canvas.width = image.width;
    canvas.height = image.height;
    const pixels2DContext = createCanvasContext(canvas);
    if (pixels2DContext != null) {
      let height = image.height;
      let width = image.width;
      if (options !== void 0 && options.resizedHeight !== void 0 && options.resizedWidth !== void 0) {
        height = options.resizedHeight;
        width = options.resizedWidth;
      }
      if (options !== void 0) {
        bufferToTensorOptions = options;
        if (options.tensorFormat !== void 0) {
          throw new Error("Image input config format must be RGBA for HTMLImageElement");
        } else {
          bufferToTensorOptions.tensorFormat = "RGBA";
        }
        bufferToTensorOptions.height = height;
        bufferToTensorOptions.width = width;
      } else {
        bufferToTensorOptions.tensorFormat = "RGBA";
        bufferToTensorOptions.height = height;
        bufferToTensorOptions.width = width;
      }
      pixels2DContext.drawImage(image, 0, 0);
      data = pixels2DContext.getImageData(0, 0, width, height).data;
    } else {
      throw new Error("Can not access image data");
    }
  } else if (isImageDataEle) {
    let height;
    let width;
    if (options !== void 0 && options.resizedWidth !== void 0 && options.resizedHeight !== void 0) {
      height = options.resizedHeight;
      width = options.resizedWidth;
    } else {
      height = image.height;
      width = image.width;
    }
    if (options !== void 0) {
      bufferToTensorOptions = options;
    }
    bufferToTensorOptions.format = "RGBA";
    bufferToTensorOptions.height = height;
    bufferToTensorOptions.width = width;
    if (options !== void 0) {
      const tempCanvas = createCanvas();
      tempCanvas.width = width;
      tempCanvas.height = height;
      const pixels2DContext = createCanvasContext(tempCanvas);
      if (pixels2DContext != null) {
        pixels2DContext.putImageData(image, 0, 0);
        data = pixels2DContext.getImageData(0, 0, width, height).data;
      } else {
        throw new Error("Can not access image data");
      }
    } else {
      data = image.data;
    }
  } else if (isImageBitmap) {
    if (options === void 0) {
      throw new Error("Please provide image config with format for Imagebitmap");
    }
    const canvas = createCanvas();
    canvas.width = image.width;
    canvas.height = image.height;
    const pixels2DContext = createCanvasContext(canvas);
    if (pixels2DContext != null) {
      const height = image.height;
      const width = image.width;
      pixels2DContext.drawImage(image, 0, 0, width, height);
      data = pixels2DContext.getImageData(0, 0, width, height).data;
      bufferToTensorOptions.height = height;
      bufferToTensorOptions.width = width;
      return bufferToTensor(data, bufferToTensorOptions);
    } else {
      throw new Error("Can not access image data");
    }
  } else if (isString) {
    return new Promise((resolve, reject) => {
      const canvas = createCanvas();
      const context = createCanvasContext(canvas);
      if (!image || !context) {
        return reject();
      }
      const newImage = new Image();
      newImage.crossOrigin = "Anonymous";
      newImage.src = image;
      newImage.onload = () => {
        canvas.width = newImage.width;
        canvas.height = newImage.height;
        context.drawImage(newImage, 0, 0, canvas.width, canvas.height);
        const img = context.getImageData(0, 0, canvas.width, canvas.height);
        bufferToTensorOptions.height = canvas.height;
        bufferToTensorOptions.width = canvas.width;
        resolve(bufferToTensor(img.data, bufferToTensorOptions));
      };
    });
  } else {
    throw new Error("Input data provided is not supported - aborted tensor creation");
  }
  if (data !== void 0) {
    return bufferToTensor(data, bufferToTensorOptions);
  } else {
    throw new Error("Input data provided is not supported - aborted tensor creation");
  }
};
var tensorFromTexture = (texture, options) => {
  const { width, height, download, dispose } = options;
  const dims = [1, height, width, 4];
  return new Tensor({ location: "texture", type: "float32", texture, dims, download, dispose });
};
var tensorFromGpuBuffer = (gpuBuffer, options) => {
  const { dataType, dims, download, dispose } = options;
  return new Tensor({ location: "gpu-buffer", type: dataType ?? "float32", gpuBuffer, dims, download, dispose });
};
var tensorFromMLTensor = (mlTensor, options) => {
  const { dataType, dims, download, dispose } = options;
  return new Tensor({ location: "ml-tensor", type: dataType ?? "float32", mlTensor, dims, download, dispose });
};
var tensorFromPinnedBuffer = (type, buffer, dims) => new Tensor({ location: "cpu-pinned", type, data: buffer, dims: dims ?? [buffer.length] });

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor-impl-type-mapping.js
var NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP = /* @__PURE__ */ new Map([
  ["float32", Float32Array],
  ["uint8", Uint8Array],
  ["int8", Int8Array],
  ["uint16", Uint16Array],
  ["int16", Int16Array],
  ["int32", Int32Array],
  ["bool", Uint8Array],
  ["float64", Float64Array],
  ["uint32", Uint32Array],
  ["int4", Uint8Array],
  ["uint4", Uint8Array]
]);
var NUMERIC_TENSOR_TYPEDARRAY_TO_TYPE_MAP = /* @__PURE__ */ new Map([
  [Float32Array, "float32"],
  [Uint8Array, "uint8"],
  [Int8Array, "int8"],
  [Uint16Array, "uint16"],
  [Int16Array, "int16"],
  [Int32Array, "int32"],
  [Float64Array, "float64"],
  [Uint32Array, "uint32"]
]);
var isTypedArrayChecked = false;
var checkTypedArray = () => {
  if (!isTypedArrayChecked) {
    isTypedArrayChecked = true;
    const isBigInt64ArrayAvailable = typeof BigInt64Array !== "undefined" && BigInt64Array.from;
    const isBigUint64ArrayAvailable = typeof BigUint64Array !== "undefined" && BigUint64Array.from;
    const Float16Array2 = globalThis.Float16Array;
    const isFloat16ArrayAvailable = typeof Float16Array2 !== "undefined" && Float16Array2.from;
    if (isBigInt64ArrayAvailable) {
      NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.set("int64", BigInt64Array);
      NUMERIC_TENSOR_TYPEDARRAY_TO_TYPE_MAP.set(BigInt64Array, "int64");
    }
    if (isBigUint64ArrayAvailable) {
      NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.set("uint64", BigUint64Array);
      NUMERIC_TENSOR_TYPEDARRAY_TO_TYPE_MAP.set(BigUint64Array, "uint64");
    }
    if (isFloat16ArrayAvailable) {
      NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.set("float16", Float16Array2);
      NUMERIC_TENSOR_TYPEDARRAY_TO_TYPE_MAP.set(Float16Array2, "float16");
    } else {
      NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.set("float16", Uint16Array);
    }
  }
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor-utils-impl.js
var calculateSize = (dims) => {
  let size = 1;
  for (let i = 0; i < dims.length; i++) {
    const dim = dims[i];
    if (typeof dim !== "number" || !Number.isSafeInteger(dim)) {
      throw new TypeError(`dims[${i}] must be an integer, got: ${dim}`);
    }
    if (dim < 0) {
      throw new RangeError(`dims[${i}] must be a non-negative integer, got: ${dim}`);
    }
    size *= dim;
  }
  return size;
};
var tensorReshape = (tensor, dims) => {
  switch (tensor.location) {
    case "cpu":
      return new Tensor(tensor.type, tensor.data, dims);
    case "cpu-pinned":
      return new Tensor({
        location: "cpu-pinned",
        data: tensor.data,
        type: tensor.type,
        dims
      });
    case "texture":
      return new Tensor({
        location: "texture",
        texture: tensor.texture,
        type: tensor.type,
        dims
      });
    case "gpu-buffer":
      return new Tensor({
        location: "gpu-buffer",
        gpuBuffer: tensor.gpuBuffer,
        type: tensor.type,
        dims
      });
    case "ml-tensor":
      return new Tensor({
        location: "ml-tensor",
        mlTensor: tensor.mlTensor,
        type: tensor.type,
        dims
      });
    default:
      throw new Error(`tensorReshape: tensor location ${tensor.location} is not supported`);
  }
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor-impl.js
var Tensor = class {
  /**
   * implementation.
   */
  constructor(arg0, arg1, arg2) {
    checkTypedArray();
    let type;
    let dims;
    if (typeof arg0 === "object" && "location" in arg0) {
      this.dataLocation = arg0.location;
      type = arg0.type;
      dims = arg0.dims;
      switch (arg0.location) {
        case "cpu-pinned": {
          const expectedTypedArrayConstructor = NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.get(type);
          if (!expectedTypedArrayConstructor) {
            throw new TypeError(`unsupported type "${type}" to create tensor from pinned buffer`);
          }
          if (!(arg0.data instanceof expectedTypedArrayConstructor)) {
            throw new TypeError(`buffer should be of type ${expectedTypedArrayConstructor.name}`);
          }
          this.cpuData = arg0.data;
          break;
        }
        case "texture": {
          if (type !== "float32") {
            throw new TypeError(`unsupported type "${type}" to create tensor from texture`);
          }
          this.gpuTextureData = arg0.texture;
          this.downloader = arg0.download;
          this.disposer = arg0.dispose;
          break;
        }
        case "gpu-buffer": {
          if (type !== "float32" && type !== "float16" && type !== "int32" && type !== "int64" && type !== "uint32" && type !== "uint8" && type !== "bool" && type !== "uint4" && type !== "int4") {
            throw new TypeError(`unsupported type "${type}" to create tensor from gpu buffer`);
          }
          this.gpuBufferData = arg0.gpuBuffer;
          this.downloader = arg0.download;
          this.disposer = arg0.dispose;
          break;
        }
        case "ml-tensor": {
          if (type !== "float32" && type !== "float16" && type !== "int32" && type !== "int64" && type !== "uint32" && type !== "uint64" && type !== "int8" && type !== "uint8" && type !== "bool" && type !== "uint4" && type !== "int4") {
            throw new TypeError(`unsupported type "${type}" to create tensor from MLTensor`);
          }
          this.mlTensorData = arg0.mlTensor;
          this.downloader = arg0.download;
          this.disposer = arg0.dispose;
          break;
        }
        default:
          throw new Error(`Tensor constructor: unsupported location '${this.dataLocation}'`);
      }
    } else {
      let data;
      let maybeDims;
      if (typeof arg0 === "string") {
        type = arg0;
        maybeDims = arg2;
        if (arg0 === "string") {
          if (!Array.isArray(arg1)) {
            throw new TypeError("A string tensor's data must be a string array.");
          }
          data = arg1;
        } else {
          const typedArrayConstructor = NUMERIC_TENSOR_TYPE_TO_TYPEDARRAY_MAP.get(arg0);
          if (typedArrayConstructor === void 0) {
            throw new TypeError(`Unsupported tensor type: ${arg0}.`);
          }
          if (Array.isArray(arg1)) {
            if (arg0 === "float16" && typedArrayConstructor === Uint16Array || arg0 === "uint4" || arg0 === "int4") {
              throw new TypeError(`Creating a ${arg0} tensor from number array is not supported. Please use ${typedArrayConstructor.name} as data.`);
            } else if (arg0 === "uint64" || arg0 === "int64") {
              data = typedArrayConstructor.from(arg1, BigInt);
            } else {
              data = typedArrayConstructor.from(arg1);
            }
          } else if (arg1 instanceof typedArrayConstructor) {
            data = arg1;
          } else if (arg1 instanceof Uint8ClampedArray) {
            if (arg0 === "uint8") {
              data = Uint8Array.from(arg1);
            } else {
              throw new TypeError(`A Uint8ClampedArray tensor's data must be type of uint8`);
            }
          } else if (arg0 === "float16" && arg1 instanceof Uint16Array && typedArrayConstructor !== Uint16Array) {
            data = new globalThis.Float16Array(arg1.buffer, arg1.byteOffset, arg1.length);
          } else {
            throw new TypeError(`A ${type} tensor's data must be type of ${typedArrayConstructor}`);
          }
        }
      } else {
        maybeDims = arg1;
        if (Array.isArray(arg0)) {
          if (arg0.length === 0) {
            throw new TypeError("Tensor type cannot be inferred from an empty array.");
          }
          const firstElementType = typeof arg0[0];
          if (firstElementType === "string") {
            type = "string";
            data = arg0;
          } else if (firstElementType === "boolean") {
            type = "bool";
            data = Uint8Array.from(arg0);
          } else {
            throw new TypeError(`Invalid element type of data array: ${firstElementType}.`);
          }
        } else if (arg0 instanceof Uint8ClampedArray) {
          type = "uint8";
          data = Uint8Array.from(arg0);
        } else {
          const mappedType = NUMERIC_TENSOR_TYPEDARRAY_TO_TYPE_MAP.get(arg0.constructor);
          if (mappedType === void 0) {
            throw new TypeError(`Unsupported type for tensor data: ${arg0.constructor}.`);
          }
          type = mappedType;
          data = arg0;
        }
      }
      if (maybeDims === void 0) {
        maybeDims = [data.length];
      } else if (!Array.isArray(maybeDims)) {
        throw new TypeError("A tensor's dims must be a number array");
      }
      dims = maybeDims;
      this.cpuData = data;
      this.dataLocation = "cpu";
    }
    const size = calculateSize(dims);
    if (this.cpuData && size !== this.cpuData.length) {
      if ((type === "uint4" || type === "int4") && Math.ceil(size / 2) === this.cpuData.length) {
      } else {
        throw new Error(`Tensor's size(${size}) does not match data length(${this.cpuData.length}).`);
      }
    }
    this.type = type;
    this.dims = dims;
    this.size = size;
  }
  // #endregion
  // #region factory
  static async fromImage(image, options) {
    return tensorFromImage(image, options);
  }
  static fromTexture(texture, options) {
    return tensorFromTexture(texture, options);
  }
  static fromGpuBuffer(gpuBuffer, options) {
    return tensorFromGpuBuffer(gpuBuffer, options);
  }
  static fromMLTensor(mlTensor, options) {
    return tensorFromMLTensor(mlTensor, options);
  }
  static fromPinnedBuffer(type, buffer, dims) {
    return tensorFromPinnedBuffer(type, buffer, dims);
  }
  // #endregion
  // #region conversions
  toDataURL(options) {
    return tensorToDataURL(this, options);
  }
  toImageData(options) {
    return tensorToImageData(this, options);
  }
  // #endregion
  // #region properties
  get data() {
    this.ensureValid();
    if (!this.cpuData) {
      throw new Error("The data is not on CPU. Use `getData()` to download GPU data to CPU, or use `texture` or `gpuBuffer` property to access the GPU data directly.");
    }
    return this.cpuData;
  }
  get location() {
    return this.dataLocation;
  }
  get texture() {
    this.ensureValid();
    if (!this.gpuTextureData) {
      throw new Error("The data is not stored as a WebGL texture.");
    }
    return this.gpuTextureData;
  }
  get gpuBuffer() {
    this.ensureValid();
    if (!this.gpuBufferData) {
      throw new Error("The data is not stored as a WebGPU buffer.");
    }
    return this.gpuBufferData;
  }
  get mlTensor() {
    this.ensureValid();
    if (!this.mlTensorData) {
      throw new Error("The data is not stored as a WebNN MLTensor.");
    }
    return this.mlTensorData;
  }
  // #endregion
  // #region methods
  async getData(releaseData) {
    this.ensureValid();
    switch (this.dataLocation) {
      case "cpu":
      case "cpu-pinned":
        return this.data;
      case "texture":
      case "gpu-buffer":
      case "ml-tensor": {
        if (!this.downloader) {
          throw new Error("The current tensor is not created with a specified data downloader.");
        }
        if (this.isDownloading) {
          throw new Error("The current tensor is being downloaded.");
        }
        try {
          this.isDownloading = true;
          const data = await this.downloader();
          this.downloader = void 0;
          this.dataLocation = "cpu";
          this.cpuData = data;
          if (releaseData && this.disposer) {
            this.disposer();
            this.disposer = void 0;
          }
          return data;
        } finally {
          this.isDownloading = false;
        }
      }
      default:
        throw new Error(`cannot get data from location: ${this.dataLocation}`);
    }
  }
  dispose() {
    if (this.isDownloading) {
      throw new Error("The current tensor is being downloaded.");
    }
    if (this.disposer) {
      this.disposer();
      this.disposer = void 0;
    }
    this.cpuData = void 0;
    this.gpuTextureData = void 0;
    this.gpuBufferData = void 0;
    this.mlTensorData = void 0;
    this.downloader = void 0;
    this.isDownloading = void 0;
    this.dataLocation = "none";
  }
  // #endregion
  // #region tensor utilities
  ensureValid() {
    if (this.dataLocation === "none") {
      throw new Error("The tensor is disposed.");
    }
  }
  reshape(dims) {
    this.ensureValid();
    if (this.downloader || this.disposer) {
      throw new Error("Cannot reshape a tensor that owns GPU resource.");
    }
    return tensorReshape(this, dims);
  }
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/tensor.js
var Tensor2 = Tensor;

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/inference-session-impl.js
var InferenceSession = class _InferenceSession {
  constructor(handler, backend) {
    this.handler = handler;
    this.backend = backend;
  }
  async run(feeds, arg1, arg2) {
    TRACE_FUNC_BEGIN();
    TRACE_EVENT_BEGIN("InferenceSession.run");
    const fetches = {};
    let options = {};
    if (typeof feeds !== "object" || feeds === null || feeds instanceof Tensor2 || Array.isArray(feeds)) {
      throw new TypeError("'feeds' must be an object that use input names as keys and OnnxValue as corresponding values.");
    }
    let isFetchesEmpty = true;
    if (typeof arg1 === "object") {
      if (arg1 === null) {
        throw new TypeError("Unexpected argument[1]: cannot be null.");
      }
      if (arg1 instanceof Tensor2) {
        throw new TypeError("'fetches' cannot be a Tensor");
      }
      if (Array.isArray(arg1)) {
        if (arg1.length === 0) {
          throw new TypeError("'fetches' cannot be an empty array.");
        }
        isFetchesEmpty = false;
        for (const name of arg1) {
          if (typeof name !== "string") {
            throw new TypeError("'fetches' must be a string array or an object.");
          }
          if (this.outputNames.indexOf(name) === -1) {
            throw new RangeError(`'fetches' contains invalid output name: ${name}.`);
          }
          fetches[name] = null;
        }
        if (typeof arg2 === "object" && arg2 !== null) {
          options = arg2;
        } else if (typeof arg2 !== "undefined") {
          throw new TypeError("'options' must be an object.");
        }
      } else {
        let isFetches = false;
        const arg1Keys = Object.getOwnPropertyNames(arg1);
        for (const name of this.outputNames) {
          if (arg1Keys.indexOf(name) !== -1) {
            const v = arg1[name];
            if (v === null || v instanceof Tensor2) {
              isFetches = true;
              isFetchesEmpty = false;
              fetches[name] = v;
            }
          }
        }
        if (isFetches) {
          if (typeof arg2 === "object" && arg2 !== null) {
            options = arg2;
          } else if (typeof arg2 !== "undefined") {
            throw new TypeError("'options' must be an object.");
          }
        } else {
          options = arg1;
        }
      }
    } else if (typeof arg1 !== "undefined") {
      throw new TypeError("Unexpected argument[1]: must be 'fetches' or 'options'.");
    }
    for (const name of this.inputNames) {
      if (typeof feeds[name] === "undefined") {
        throw new Error(`input '${name}' is missing in 'feeds'.`);
      }
    }
    if (isFetchesEmpty) {
      for (const name of this.outputNames) {
        fetches[name] = null;
      }
    }
    let activeLoraAdapters;
    if (options.activeLoraAdapters !== void 0) {
      if (!Array.isArray(options.activeLoraAdapters)) {
        throw new TypeError("'activeLoraAdapters' must be an array.");
      }
      activeLoraAdapters = options.activeLoraAdapters.map((adapter) => {
        if (!(adapter instanceof LoraAdapter)) {
          throw new TypeError("'activeLoraAdapters' must be an array of LoraAdapter objects.");
        }
        if (adapter.backend !== this.backend) {
          throw new Error("LoRA adapter was created by a different backend than the session.");
        }
        return adapter.handler;
      });
    }
    const results = await this.handler.run(feeds, fetches, options, activeLoraAdapters);
    const returnValue = {};
    for (const key in results) {
      if (Object.hasOwnProperty.call(results, key)) {
        const result = results[key];
        if (result instanceof Tensor2) {
          returnValue[key] = result;
        } else {
          returnValue[key] = new Tensor2(result.type, result.data, result.dims);
        }
      }
    }
    TRACE_EVENT_END("InferenceSession.run");
    TRACE_FUNC_END();
    return returnValue;
  }
  async release() {
    return this.handler.dispose();
  }
  static async create(arg0, arg1, arg2, arg3) {
    TRACE_FUNC_BEGIN();
    TRACE_EVENT_BEGIN("InferenceSession.create");
    let filePathOrUint8Array;
    let options = {};
    if (typeof arg0 === "string") {
      filePathOrUint8Array = arg0;
      if (typeof arg1 === "object" && arg1 !== null) {
        options = arg1;
      } else if (typeof arg1 !== "undefined") {
        throw new TypeError("'options' must be an object.");
      }
    } else if (arg0 instanceof Uint8Array) {
      filePathOrUint8Array = arg0;
      if (typeof arg1 === "object" && arg1 !== null) {
        options = arg1;
      } else if (typeof arg1 !== "undefined") {
        throw new TypeError("'options' must be an object.");
      }
    } else if (arg0 instanceof ArrayBuffer || typeof SharedArrayBuffer !== "undefined" && arg0 instanceof SharedArrayBuffer) {
      const buffer = arg0;
      let byteOffset = 0;
      let byteLength = arg0.byteLength;
      if (typeof arg1 === "object" && arg1 !== null) {
        options = arg1;
      } else if (typeof arg1 === "number") {
        byteOffset = arg1;
        if (!Number.isSafeInteger(byteOffset)) {
          throw new RangeError("'byteOffset' must be an integer.");
        }
        if (byteOffset < 0 || byteOffset >= buffer.byteLength) {
          throw new RangeError(`'byteOffset' is out of range [0, ${buffer.byteLength}).`);
        }
        byteLength = arg0.byteLength - byteOffset;
        if (typeof arg2 === "number") {
          byteLength = arg2;
          if (!Number.isSafeInteger(byteLength)) {
            throw new RangeError("'byteLength' must be an integer.");
          }
          if (byteLength <= 0 || byteOffset + byteLength > buffer.byteLength) {
            throw new RangeError(`'byteLength' is out of range (0, ${buffer.byteLength - byteOffset}].`);
          }
          if (typeof arg3 === "object" && arg3 !== null) {
            options = arg3;
          } else if (typeof arg3 !== "undefined") {
            throw new TypeError("'options' must be an object.");
          }
        } else if (typeof arg2 !== "undefined") {
          throw new TypeError("'byteLength' must be a number.");
        }
      } else if (typeof arg1 !== "undefined") {
        throw new TypeError("'options' must be an object.");
      }
      filePathOrUint8Array = new Uint8Array(buffer, byteOffset, byteLength);
    } else {
      throw new TypeError("Unexpected argument[0]: must be 'path' or 'buffer'.");
    }
    const [backend, optionsWithValidatedEPs] = await resolveBackendAndExecutionProviders(options);
    const handler = await backend.createInferenceSessionHandler(filePathOrUint8Array, optionsWithValidatedEPs);
    TRACE_EVENT_END("InferenceSession.create");
    TRACE_FUNC_END();
    return new _InferenceSession(handler, backend);
  }
  startProfiling() {
    this.handler.startProfiling();
  }
  endProfiling() {
    this.handler.endProfiling();
  }
  get inputNames() {
    return this.handler.inputNames;
  }
  get outputNames() {
    return this.handler.outputNames;
  }
  get inputMetadata() {
    return this.handler.inputMetadata;
  }
  get outputMetadata() {
    return this.handler.outputMetadata;
  }
};

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/inference-session.js
var InferenceSession2 = InferenceSession;

// ../../main/node_modules/onnxruntime-web/node_modules/onnxruntime-common/dist/esm/lora-adapter.js
var LoraAdapter2 = LoraAdapter;

// ../../main/node_modules/onnxruntime-web/dist/ort.node.min.mjs
var require2 = createRequire(import.meta.url);
var ye = Object.defineProperty;
var Dt = Object.getOwnPropertyDescriptor;
var Ut = Object.getOwnPropertyNames;
var xt = Object.prototype.hasOwnProperty;
var Ee = ((e) => typeof require2 < "u" ? require2 : typeof Proxy < "u" ? new Proxy(e, { get: (t, r) => (typeof require2 < "u" ? require2 : t)[r] }) : e)(function(e) {
  if (typeof require2 < "u") return require2.apply(this, arguments);
  throw Error('Dynamic require of "' + e + '" is not supported');
});
var x = (e, t, r) => () => {
  if (r) throw r[0];
  try {
    return e && (t = e(e = 0)), t;
  } catch (o) {
    throw r = [o], o;
  }
};
var Ct = (e, t) => {
  for (var r in t) ye(e, r, { get: t[r], enumerable: true });
};
var Mt = (e, t, r, o) => {
  if (t && typeof t == "object" || typeof t == "function") for (let n of Ut(t)) !xt.call(e, n) && n !== r && ye(e, n, { get: () => t[n], enumerable: !(o = Dt(t, n)) || o.enumerable });
  return e;
};
var Rt = (e) => Mt(ye({}, "__esModule", { value: true }), e);
var $;
var se = x(() => {
  "use strict";
  $ = !!(typeof process < "u" && process.versions && process.versions.node);
});
var We;
var Nt;
var Wt;
var j;
var ke;
var Re;
var kt;
var Ft;
var Gt;
var $t;
var Ne;
var Fe;
var Se = x(() => {
  "use strict";
  se();
  We = $ || typeof location > "u" ? void 0 : location.origin, Nt = import.meta.url > "file:" && import.meta.url < "file;", Wt = () => {
    if (!$) {
      if (Nt) {
        let e = URL;
        return new URL(new e("ort.node.min.mjs", import.meta.url).href, We).href;
      }
      return import.meta.url;
    }
  }, j = Wt(), ke = () => {
    if (j && !j.startsWith("blob:")) return j.substring(0, j.lastIndexOf("/") + 1);
  }, Re = (e, t) => {
    try {
      let r = t ?? j;
      return (r ? new URL(e, r) : new URL(e)).origin === We;
    } catch {
      return false;
    }
  }, kt = (e, t) => {
    let r = t ?? j;
    try {
      return (r ? new URL(e, r) : new URL(e)).href;
    } catch {
      return;
    }
  }, Ft = (e, t) => `${t ?? "./"}${e}`, Gt = async (e) => {
    let r = await (await fetch(e, { credentials: "same-origin" })).blob();
    return URL.createObjectURL(r);
  }, $t = async (e) => (await import(
    /*webpackIgnore:true*/
    /*@vite-ignore*/
    e
  )).default, Ne = void 0, Fe = async (e, t, r, o) => {
    let n = Ne && !(e || t);
    if (n) if (j) n = Re(j) || o && !r;
    else if (o && !r) n = true;
    else throw new Error("cannot determine the script source URL.");
    if (n) return [void 0, Ne];
    {
      let a = "ort-wasm-simd-threaded.mjs", u = e ?? kt(a, t), s = !$ && r && u && !Re(u, t), i = s ? await Gt(u) : u ?? Ft(a, t);
      return [s ? i : void 0, await $t(i)];
    }
  };
});
var he;
var Oe;
var ae;
var Ge;
var jt;
var Ht;
var zt;
var $e;
var y;
var V = x(() => {
  "use strict";
  Se();
  Oe = false, ae = false, Ge = false, jt = () => {
    if (typeof SharedArrayBuffer > "u") return false;
    try {
      return typeof MessageChannel < "u" && new MessageChannel().port1.postMessage(new SharedArrayBuffer(1)), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0, 26, 11]));
    } catch {
      return false;
    }
  }, Ht = () => {
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 30, 1, 28, 0, 65, 0, 253, 15, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 186, 1, 26, 11]));
    } catch {
      return false;
    }
  }, zt = () => {
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 1, 253, 15, 65, 2, 253, 15, 65, 3, 253, 15, 253, 147, 2, 11]));
    } catch {
      return false;
    }
  }, $e = async (e) => {
    if (Oe) return Promise.resolve();
    if (ae) throw new Error("multiple calls to 'initializeWebAssembly()' detected.");
    if (Ge) throw new Error("previous call to 'initializeWebAssembly()' failed.");
    ae = true;
    let t = e.initTimeout, r = e.numThreads;
    if (e.simd !== false) {
      if (e.simd === "relaxed") {
        if (!zt()) throw new Error("Relaxed WebAssembly SIMD is not supported in the current environment.");
      } else if (!Ht()) throw new Error("WebAssembly SIMD is not supported in the current environment.");
    }
    let o = jt();
    r > 1 && !o && (typeof self < "u" && !self.crossOriginIsolated && console.warn("env.wasm.numThreads is set to " + r + ", but this will not work unless you enable crossOriginIsolated mode. See https://web.dev/cross-origin-isolation-guide/ for more info."), console.warn("WebAssembly multi-threading is not supported in the current environment. Falling back to single-threading."), e.numThreads = r = 1);
    let n = e.wasmPaths, a = typeof n == "string" ? n : void 0, u = n?.mjs, s = u?.href ?? u, i = n?.wasm, p = i?.href ?? i, b = e.wasmBinary, [w, c] = await Fe(s, a, r > 1, !!b || !!p), g = false, l = [];
    if (t > 0 && l.push(new Promise((h) => {
      setTimeout(() => {
        g = true, h();
      }, t);
    })), l.push(new Promise((h, B) => {
      let d = { numThreads: r };
      if (b) d.wasmBinary = b, d.locateFile = (m) => m;
      else if (p || a) d.locateFile = (m) => p ?? a + m;
      else if (s && s.indexOf("blob:") !== 0) d.locateFile = (m) => new URL(m, s).href;
      else if (w) {
        let m = ke();
        m && (d.locateFile = (R) => m + R);
      }
      c(d).then((m) => {
        ae = false, Oe = true, he = m, h(), w && URL.revokeObjectURL(w);
      }, (m) => {
        ae = false, Ge = true, B(m);
      });
    })), await Promise.race(l), g) throw new Error(`WebAssembly backend initializing failed due to timeout: ${t}ms`);
  }, y = () => {
    if (Oe && he) return he;
    throw new Error("WebAssembly is not initialized yet.");
  };
});
var M;
var te;
var E;
var ie = x(() => {
  "use strict";
  V();
  M = (e, t) => {
    let r = y(), o = r.lengthBytesUTF8(e) + 1, n = r._malloc(o);
    return r.stringToUTF8(e, n, o), t.push(n), n;
  }, te = (e, t, r, o) => {
    if (typeof e == "object" && e !== null) {
      if (r.has(e)) throw new Error("Circular reference in options");
      r.add(e);
    }
    Object.entries(e).forEach(([n, a]) => {
      let u = t ? t + n : n;
      if (typeof a == "object") te(a, u + ".", r, o);
      else if (typeof a == "string" || typeof a == "number") o(u, a.toString());
      else if (typeof a == "boolean") o(u, a ? "1" : "0");
      else throw new Error(`Can't handle extra config type: ${typeof a}`);
    });
  }, E = (e) => {
    let t = y(), r = t.stackSave();
    try {
      let o = t.PTR_SIZE, n = t.stackAlloc(2 * o);
      t._OrtGetLastError(n, n + o);
      let a = Number(t.getValue(n, o === 4 ? "i32" : "i64")), u = t.getValue(n + o, "*"), s = u ? t.UTF8ToString(u) : "";
      throw new Error(`${e} ERROR_CODE: ${a}, ERROR_MESSAGE: ${s}`);
    } finally {
      t.stackRestore(r);
    }
  };
});
var je;
var He = x(() => {
  "use strict";
  V();
  ie();
  je = (e, t) => {
    let r = y(), o = 0, n = [], a = e || {};
    try {
      if (e?.logSeverityLevel === void 0) a.logSeverityLevel = 2;
      else if (typeof e.logSeverityLevel != "number" || !Number.isInteger(e.logSeverityLevel) || e.logSeverityLevel < 0 || e.logSeverityLevel > 4) throw new Error(`log severity level is not valid: ${e.logSeverityLevel}`);
      if (e?.logVerbosityLevel === void 0) a.logVerbosityLevel = 0;
      else if (typeof e.logVerbosityLevel != "number" || !Number.isInteger(e.logVerbosityLevel)) throw new Error(`log verbosity level is not valid: ${e.logVerbosityLevel}`);
      e?.terminate === void 0 && (a.terminate = false);
      let u = 0;
      e?.tag !== void 0 && (u = M(e.tag, n)), o = r._OrtCreateRunOptions(a.logSeverityLevel, a.logVerbosityLevel, !!a.terminate, u), o === 0 && E("Can't create run options."), e?.extra !== void 0 && te(e.extra, "", /* @__PURE__ */ new WeakSet(), (s, i) => {
        let p = M(s, n), b = M(i, n);
        r._OrtAddRunConfigEntry(o, p, b) !== 0 && E(`Can't set a run config entry: ${s} - ${i}.`);
      });
      for (let s of t) r._OrtRunOptionsAddActiveLoraAdapter(o, s) !== 0 && E("Can't add an active LoRA adapter.");
      return [o, n];
    } catch (u) {
      throw o !== 0 && r._OrtReleaseRunOptions(o), n.forEach((s) => r._free(s)), u;
    }
  };
});
var Vt;
var qt;
var Jt;
var q;
var Zt;
var ze;
var Ve = x(() => {
  "use strict";
  V();
  ie();
  Vt = (e) => {
    switch (e) {
      case "disabled":
        return 0;
      case "basic":
        return 1;
      case "extended":
        return 2;
      case "layout":
        return 3;
      case "all":
        return 99;
      default:
        throw new Error(`unsupported graph optimization level: ${e}`);
    }
  }, qt = (e) => {
    switch (e) {
      case "sequential":
        return 0;
      case "parallel":
        return 1;
      default:
        throw new Error(`unsupported execution mode: ${e}`);
    }
  }, Jt = (e) => {
    e.extra || (e.extra = {}), e.extra.session || (e.extra.session = {});
    let t = e.extra.session;
    t.use_ort_model_bytes_directly || (t.use_ort_model_bytes_directly = "1"), e.executionProviders && e.executionProviders.some((r) => (typeof r == "string" ? r : r.name) === "webgpu") && (e.enableMemPattern = false);
  }, q = (e, t, r, o) => {
    let n = M(t, o), a = M(r, o);
    y()._OrtAddSessionConfigEntry(e, n, a) !== 0 && E(`Can't set a session config entry: ${t} - ${r}.`);
  }, Zt = async (e, t, r) => {
    let o = t.executionProviders;
    for (let n of o) {
      let a = typeof n == "string" ? n : n.name, u = [], s;
      switch (a) {
        case "webnn":
          if (a = "WEBNN", q(e, "session.disable_quant_qdq", "1", r), q(e, "session.disable_qdq_constant_folding", "1", r), typeof n != "string") {
            let g = n?.deviceType;
            g && q(e, "deviceType", g, r);
          }
          break;
        case "webgpu":
          if (a = "JS", typeof n != "string") {
            let c = n;
            if (c?.preferredLayout) {
              if (c.preferredLayout !== "NCHW" && c.preferredLayout !== "NHWC") throw new Error(`preferredLayout must be either 'NCHW' or 'NHWC': ${c.preferredLayout}`);
              q(e, "preferredLayout", c.preferredLayout, r);
            }
          }
          break;
        case "wasm":
        case "cpu":
          continue;
        default:
          throw new Error(`not supported execution provider: ${a}`);
      }
      let i = u.length, p = 0, b = 0;
      if (i > 0) {
        p = y()._malloc(i * y().PTR_SIZE), r.push(p), b = y()._malloc(i * y().PTR_SIZE), r.push(b);
        for (let c = 0; c < i; c++) y().setValue(p + c * y().PTR_SIZE, u[c][0], "*"), y().setValue(b + c * y().PTR_SIZE, u[c][1], "*");
      }
      let w;
      if (s !== void 0) {
        let c = y()._malloc(y().PTR_SIZE);
        r.push(c), y().setValue(c, s[0], "*"), w = await y()._OrtAppendExecutionProviderV2(e, c, 1, p, b, i);
      } else {
        let c = M(a, r);
        w = await y()._OrtAppendExecutionProvider(e, c, p, b, i);
      }
      w !== 0 && E(`Can't append execution provider: ${a}.`);
    }
  }, ze = async (e) => {
    let t = y(), r = 0, o = [], n = e || {};
    Jt(n);
    try {
      let a = Vt(n.graphOptimizationLevel ?? "all"), u = qt(n.executionMode ?? "sequential"), s = typeof n.logId == "string" ? M(n.logId, o) : 0, i = n.logSeverityLevel ?? 2;
      if (!Number.isInteger(i) || i < 0 || i > 4) throw new Error(`log severity level is not valid: ${i}`);
      let p = n.logVerbosityLevel ?? 0;
      if (!Number.isInteger(p) || p < 0 || p > 4) throw new Error(`log verbosity level is not valid: ${p}`);
      let b = typeof n.optimizedModelFilePath == "string" ? M(n.optimizedModelFilePath, o) : 0;
      if (r = t._OrtCreateSessionOptions(a, !!n.enableCpuMemArena, !!n.enableMemPattern, u, !!n.enableProfiling, 0, s, i, p, b), r === 0 && E("Can't create session options."), n.executionProviders && await Zt(r, n, o), n.enableGraphCapture !== void 0) {
        if (typeof n.enableGraphCapture != "boolean") throw new Error(`enableGraphCapture must be a boolean value: ${n.enableGraphCapture}`);
        q(r, "enableGraphCapture", n.enableGraphCapture.toString(), o);
      }
      if (n.freeDimensionOverrides) for (let [w, c] of Object.entries(n.freeDimensionOverrides)) {
        if (typeof w != "string") throw new Error(`free dimension override name must be a string: ${w}`);
        if (typeof c != "number" || !Number.isInteger(c) || c < 0) throw new Error(`free dimension override value must be a non-negative integer: ${c}`);
        let g = M(w, o);
        t._OrtAddFreeDimensionOverride(r, g, c) !== 0 && E(`Can't set a free dimension override: ${w} - ${c}.`);
      }
      return n.extra !== void 0 && te(n.extra, "", /* @__PURE__ */ new WeakSet(), (w, c) => {
        q(r, w, c, o);
      }), [r, o];
    } catch (a) {
      throw r !== 0 && t._OrtReleaseSessionOptions(r) !== 0 && E("Can't release session options."), o.forEach((u) => t._free(u)), a;
    }
  };
});
var J;
var ue;
var Z;
var qe;
var Je;
var ce;
var pe;
var Ze;
var Le = x(() => {
  "use strict";
  J = (e) => {
    switch (e) {
      case "int8":
        return 3;
      case "uint8":
        return 2;
      case "bool":
        return 9;
      case "int16":
        return 5;
      case "uint16":
        return 4;
      case "int32":
        return 6;
      case "uint32":
        return 12;
      case "float16":
        return 10;
      case "float32":
        return 1;
      case "float64":
        return 11;
      case "string":
        return 8;
      case "int64":
        return 7;
      case "uint64":
        return 13;
      case "int4":
        return 22;
      case "uint4":
        return 21;
      default:
        throw new Error(`unsupported data type: ${e}`);
    }
  }, ue = (e) => {
    switch (e) {
      case 3:
        return "int8";
      case 2:
        return "uint8";
      case 9:
        return "bool";
      case 5:
        return "int16";
      case 4:
        return "uint16";
      case 6:
        return "int32";
      case 12:
        return "uint32";
      case 10:
        return "float16";
      case 1:
        return "float32";
      case 11:
        return "float64";
      case 8:
        return "string";
      case 7:
        return "int64";
      case 13:
        return "uint64";
      case 22:
        return "int4";
      case 21:
        return "uint4";
      default:
        throw new Error(`unsupported data type: ${e}`);
    }
  }, Z = (e, t) => {
    let r = [-1, 4, 1, 1, 2, 2, 4, 8, -1, 1, 2, 8, 4, 8, -1, -1, -1, -1, -1, -1, -1, 0.5, 0.5][e], o = typeof t == "number" ? t : t.reduce((n, a) => n * a, 1);
    return r > 0 ? Math.ceil(o * r) : void 0;
  }, qe = (e) => {
    switch (e) {
      case "float16":
        return typeof Float16Array < "u" ? Float16Array : Uint16Array;
      case "float32":
        return Float32Array;
      case "uint8":
        return Uint8Array;
      case "int8":
        return Int8Array;
      case "uint16":
        return Uint16Array;
      case "int16":
        return Int16Array;
      case "int32":
        return Int32Array;
      case "bool":
        return Uint8Array;
      case "float64":
        return Float64Array;
      case "uint32":
        return Uint32Array;
      case "int64":
        return BigInt64Array;
      case "uint64":
        return BigUint64Array;
      default:
        throw new Error(`unsupported type: ${e}`);
    }
  }, Je = (e) => {
    switch (e) {
      case "verbose":
        return 0;
      case "info":
        return 1;
      case "warning":
        return 2;
      case "error":
        return 3;
      case "fatal":
        return 4;
      default:
        throw new Error(`unsupported logging level: ${e}`);
    }
  }, ce = (e) => e === "float32" || e === "float16" || e === "int32" || e === "int64" || e === "uint32" || e === "uint8" || e === "bool" || e === "uint4" || e === "int4", pe = (e) => e === "float32" || e === "float16" || e === "int32" || e === "int64" || e === "uint32" || e === "uint64" || e === "int8" || e === "uint8" || e === "bool" || e === "uint4" || e === "int4", Ze = (e) => {
    switch (e) {
      case "none":
        return 0;
      case "cpu":
        return 1;
      case "cpu-pinned":
        return 2;
      case "texture":
        return 3;
      case "gpu-buffer":
        return 4;
      case "ml-tensor":
        return 5;
      default:
        throw new Error(`unsupported data location: ${e}`);
    }
  };
});
var H;
var de = x(() => {
  "use strict";
  se();
  H = async (e) => {
    if (typeof e == "string") if ($) try {
      let { readFile: t } = Ee("node:fs/promises");
      return new Uint8Array(await t(e));
    } catch (t) {
      if (t.code === "ERR_FS_FILE_TOO_LARGE") {
        let { createReadStream: r } = Ee("node:fs"), o = r(e), n = [];
        for await (let a of o) n.push(a);
        return new Uint8Array(Buffer.concat(n));
      }
      throw t;
    }
    else {
      let t = await fetch(e);
      if (!t.ok) throw new Error(`failed to load external data file: ${e}`);
      let r = t.headers.get("Content-Length"), o = r ? parseInt(r, 10) : 0;
      if (o < 1073741824) return new Uint8Array(await t.arrayBuffer());
      {
        if (!t.body) throw new Error(`failed to load external data file: ${e}, no response body.`);
        let n = t.body.getReader(), a;
        try {
          a = new ArrayBuffer(o);
        } catch (s) {
          if (s instanceof RangeError) {
            let i = Math.ceil(o / 65536);
            a = new WebAssembly.Memory({ initial: i, maximum: i }).buffer;
          } else throw s;
        }
        let u = 0;
        for (; ; ) {
          let { done: s, value: i } = await n.read();
          if (s) break;
          let p = i.byteLength;
          new Uint8Array(a, u, p).set(i), u += p;
        }
        return new Uint8Array(a, 0, o);
      }
    }
    else return e instanceof Blob ? new Uint8Array(await e.arrayBuffer()) : e instanceof Uint8Array ? e : new Uint8Array(e);
  };
});
var Xt;
var et;
var tt;
var Y;
var Yt;
var Ke;
var Ie;
var rt;
var nt;
var le;
var Kt;
var X;
var ot;
var st;
var Qe;
var at;
var it;
var ut = x(() => {
  "use strict";
  He();
  Ve();
  Le();
  V();
  ie();
  de();
  Xt = (e, t) => {
    y()._OrtInit(e, t) !== 0 && E("Can't initialize onnxruntime.");
  }, et = async (e) => {
    Xt(e.wasm.numThreads, Je(e.logLevel));
  }, tt = async (e, t) => {
    y().asyncInit?.();
    let r = e.webgpu.adapter;
    if (t === "webgpu") {
      if (typeof navigator > "u" || !navigator.gpu) throw new Error("WebGPU is not supported in current environment");
      if (r) {
        if (typeof r.limits != "object" || typeof r.features != "object" || typeof r.requestDevice != "function") throw new Error("Invalid GPU adapter set in `env.webgpu.adapter`. It must be a GPUAdapter object.");
      } else {
        let o = e.webgpu.powerPreference;
        if (o !== void 0 && o !== "low-power" && o !== "high-performance") throw new Error(`Invalid powerPreference setting: "${o}"`);
        let n = e.webgpu.forceFallbackAdapter;
        if (n !== void 0 && typeof n != "boolean") throw new Error(`Invalid forceFallbackAdapter setting: "${n}"`);
        if (r = await navigator.gpu.requestAdapter({ powerPreference: o, forceFallbackAdapter: n }), !r) throw new Error('Failed to get GPU adapter. You may need to enable flag "--enable-unsafe-webgpu" if you are using Chrome.');
      }
    }
    if (t === "webnn" && (typeof navigator > "u" || !navigator.ml)) throw new Error("WebNN is not supported in current environment");
  }, Y = /* @__PURE__ */ new Map(), Yt = (e) => {
    let t = y(), r = t.stackSave();
    try {
      let o = t.PTR_SIZE, n = t.stackAlloc(2 * o);
      t._OrtGetInputOutputCount(e, n, n + o) !== 0 && E("Can't get session input/output count.");
      let u = o === 4 ? "i32" : "i64";
      return [Number(t.getValue(n, u)), Number(t.getValue(n + o, u))];
    } finally {
      t.stackRestore(r);
    }
  }, Ke = (e, t) => {
    let r = y(), o = r.stackSave(), n = 0;
    try {
      let a = r.PTR_SIZE, u = r.stackAlloc(2 * a);
      r._OrtGetInputOutputMetadata(e, t, u, u + a) !== 0 && E("Can't get session input/output metadata.");
      let i = Number(r.getValue(u, "*"));
      n = Number(r.getValue(u + a, "*"));
      let p = r.HEAP32[n / 4];
      if (p === 0) return [i, 0];
      let b = r.HEAPU32[n / 4 + 1], w = [];
      for (let c = 0; c < b; c++) {
        let g = Number(r.getValue(n + 8 + c * a, "*"));
        w.push(g !== 0 ? r.UTF8ToString(g) : Number(r.getValue(n + 8 + (c + b) * a, "*")));
      }
      return [i, p, w];
    } finally {
      r.stackRestore(o), n !== 0 && r._OrtFree(n);
    }
  }, Ie = (e) => {
    let t = y(), r = t._malloc(e.byteLength);
    if (r === 0) throw new Error(`Can't create a session. failed to allocate a buffer of size ${e.byteLength}.`);
    return t.HEAPU8.set(e, r), [r, e.byteLength];
  }, rt = async (e, t) => {
    let r, o, n = y();
    Array.isArray(e) ? [r, o] = e : e.buffer === n.HEAPU8.buffer ? [r, o] = [e.byteOffset, e.byteLength] : [r, o] = Ie(e);
    let a = 0, u = 0, s = 0, i = [], p = [], b = [];
    try {
      if ([u, i] = await ze(t), t?.externalData && n.mountExternalData) {
        let S = [];
        for (let O of t.externalData) {
          let L = typeof O == "string" ? O : O.path, P = typeof O == "string" ? O : O.data;
          S.push(H(P).then((v) => {
            n.mountExternalData(L, v);
          }));
        }
        await Promise.all(S);
      }
      for (let S of t?.executionProviders ?? []) if ((typeof S == "string" ? S : S.name) === "webnn") {
        if (n.shouldTransferToMLTensor = false, typeof S != "string") {
          let L = S, P = L?.context, v = L?.gpuDevice, re = L?.deviceType, Q = L?.powerPreference;
          P ? n.currentContext = P : v ? n.currentContext = await n.webnnCreateMLContext(v) : n.currentContext = await n.webnnCreateMLContext({ deviceType: re, powerPreference: Q });
        } else n.currentContext = await n.webnnCreateMLContext();
        break;
      }
      a = await n._OrtCreateSession(r, o, u), n.webgpuOnCreateSession?.(a), a === 0 && E("Can't create a session."), n.jsepOnCreateSession?.(), n.currentContext && (n.webnnRegisterMLContext(a, n.currentContext), n.currentContext = void 0, n.shouldTransferToMLTensor = true);
      let [w, c] = Yt(a), g = !!t?.enableGraphCapture, l = [], h = [], B = [], d = [], m = [];
      for (let S = 0; S < w; S++) {
        let [O, L, P] = Ke(a, S);
        O === 0 && E("Can't get an input name."), p.push(O);
        let v = n.UTF8ToString(O);
        l.push(v), B.push(L === 0 ? { name: v, isTensor: false } : { name: v, isTensor: true, type: ue(L), shape: P });
      }
      for (let S = 0; S < c; S++) {
        let [O, L, P] = Ke(a, S + w);
        O === 0 && E("Can't get an output name."), b.push(O);
        let v = n.UTF8ToString(O);
        h.push(v), d.push(L === 0 ? { name: v, isTensor: false } : { name: v, isTensor: true, type: ue(L), shape: P });
      }
      return Y.set(a, [a, p, b, null, g, false]), [a, l, h, B, d];
    } catch (w) {
      throw p.forEach((c) => n._OrtFree(c)), b.forEach((c) => n._OrtFree(c)), s !== 0 && n._OrtReleaseBinding(s) !== 0 && E("Can't release IO binding."), a !== 0 && n._OrtReleaseSession(a) !== 0 && E("Can't release session."), w;
    } finally {
      n._free(r), u !== 0 && n._OrtReleaseSessionOptions(u) !== 0 && E("Can't release session options."), i.forEach((w) => n._free(w)), n.unmountExternalData?.();
    }
  }, nt = (e) => {
    let t = y(), r = Y.get(e);
    if (!r) throw new Error(`cannot release session. invalid session id: ${e}`);
    let [o, n, a, u, s] = r;
    u && (s && t._OrtClearBoundOutputs(u.handle) !== 0 && E("Can't clear bound outputs."), t._OrtReleaseBinding(u.handle) !== 0 && E("Can't release IO binding.")), t.jsepOnReleaseSession?.(e), t.webnnOnReleaseSession?.(e), t.webgpuOnReleaseSession?.(e), n.forEach((i) => t._OrtFree(i)), a.forEach((i) => t._OrtFree(i)), t._OrtReleaseSession(o) !== 0 && E("Can't release session."), Y.delete(e);
  }, le = /* @__PURE__ */ new Map(), Kt = 1, X = /* @__PURE__ */ new Map(), ot = (e) => {
    let t = y(), r = t._malloc(e.byteLength);
    if (r === 0) throw new Error(`Can't create a LoRA adapter. failed to allocate a buffer of size ${e.byteLength}.`);
    try {
      t.HEAPU8.set(e, r);
      let o = t._OrtCreateLoraAdapter(r, e.byteLength);
      o === 0 && E("Can't create a LoRA adapter.");
      let n = Kt++;
      return le.set(n, o), n;
    } finally {
      t._free(r);
    }
  }, st = (e) => {
    let t = y(), r = le.get(e);
    if (r === void 0) throw new Error(`cannot release LoRA adapter. invalid adapter id: ${e}`);
    if (X.has(e)) throw new Error(`cannot release LoRA adapter. the adapter is used by a run in progress. adapter id: ${e}`);
    t._OrtReleaseLoraAdapter(r) !== 0 && E("Can't release LoRA adapter."), le.delete(e);
  }, Qe = async (e, t, r, o, n, a, u = false) => {
    if (!e) {
      t.push(0);
      return;
    }
    let s = y(), i = s.PTR_SIZE, p = e[0], b = e[1], w = e[3], c = w, g, l;
    if (p === "string" && (w === "gpu-buffer" || w === "ml-tensor")) throw new Error("String tensor is not supported on GPU.");
    if (u && w !== "gpu-buffer") throw new Error(`External buffer must be provided for input/output index ${a} when enableGraphCapture is true.`);
    if (w === "gpu-buffer") {
      let d = e[2].gpuBuffer;
      l = Z(J(p), b);
      {
        let m = s.jsepRegisterBuffer;
        if (!m) throw new Error('Tensor location "gpu-buffer" is not supported without using WebGPU.');
        g = m(o, a, d, l);
      }
    } else if (w === "ml-tensor") {
      let d = e[2].mlTensor;
      l = Z(J(p), b);
      let m = s.webnnRegisterMLTensor;
      if (!m) throw new Error('Tensor location "ml-tensor" is not supported without using WebNN.');
      g = m(o, d, J(p), b);
    } else {
      let d = e[2];
      if (Array.isArray(d)) {
        l = i * d.length, g = s._malloc(l), r.push(g);
        for (let m = 0; m < d.length; m++) {
          if (typeof d[m] != "string") throw new TypeError(`tensor data at index ${m} is not a string`);
          s.setValue(g + m * i, M(d[m], r), "*");
        }
      } else {
        let m = s.webnnIsGraphInput, R = s.webnnIsGraphOutput;
        if (p !== "string" && m && R) {
          let S = s.UTF8ToString(n);
          if (m(o, S) || R(o, S)) {
            let O = J(p);
            l = Z(O, b), c = "ml-tensor";
            let L = s.webnnCreateTemporaryTensor, P = s.webnnUploadTensor;
            if (!L || !P) throw new Error('Tensor location "ml-tensor" is not supported without using WebNN.');
            let v = await L(o, O, b);
            P(v, new Uint8Array(d.buffer, d.byteOffset, d.byteLength)), g = v;
          } else l = d.byteLength, g = s._malloc(l), r.push(g), s.HEAPU8.set(new Uint8Array(d.buffer, d.byteOffset, l), g);
        } else l = d.byteLength, g = s._malloc(l), r.push(g), s.HEAPU8.set(new Uint8Array(d.buffer, d.byteOffset, l), g);
      }
    }
    let h = s.stackSave(), B = s.stackAlloc(4 * b.length);
    try {
      b.forEach((m, R) => s.setValue(B + R * i, m, i === 4 ? "i32" : "i64"));
      let d = s._OrtCreateTensor(J(p), g, l, B, b.length, Ze(c));
      d === 0 && E(`Can't create tensor for input/output. session=${o}, index=${a}.`), t.push(d);
    } finally {
      s.stackRestore(h);
    }
  }, at = async (e, t, r, o, n, a, u = []) => {
    let s = y(), i = s.PTR_SIZE, p = Y.get(e);
    if (!p) throw new Error(`cannot run inference. invalid session id: ${e}`);
    let b = p[0], w = p[1], c = p[2], g = p[3], l = p[4], h = p[5], B = [];
    if (u.length > 0) {
      if (g) throw new Error("LoRA adapters are not supported for a session that uses IO binding, e.g. when an output is preferred to be on GPU, or when the WebNN execution provider produces an output.");
      for (let A of u) {
        let D = le.get(A);
        if (D === void 0) throw new Error(`cannot run inference. invalid LoRA adapter id: ${A}`);
        B.push(D);
      }
    }
    let d = t.length, m = o.length, R = 0, S = [], O = [], L = [], P = [], v = [], re = s.stackSave(), Q = s.stackAlloc(d * i), Be = s.stackAlloc(d * i), we = s.stackAlloc(m * i), Pe = s.stackAlloc(m * i);
    try {
      for (let f of u) X.set(f, (X.get(f) ?? 0) + 1);
      [R, S] = je(a, B), TRACE_EVENT_BEGIN("wasm prepareInputOutputTensor");
      for (let f = 0; f < d; f++) await Qe(r[f], O, P, e, w[t[f]], t[f], l);
      for (let f = 0; f < m; f++) await Qe(n[f], L, P, e, c[o[f]], d + o[f], l);
      TRACE_EVENT_END("wasm prepareInputOutputTensor");
      for (let f = 0; f < d; f++) s.setValue(Q + f * i, O[f], "*"), s.setValue(Be + f * i, w[t[f]], "*");
      for (let f = 0; f < m; f++) s.setValue(we + f * i, L[f], "*"), s.setValue(Pe + f * i, c[o[f]], "*");
      s.jsepOnRunStart?.(b), s.webnnOnRunStart?.(b);
      let A;
      A = await s._OrtRun(b, Be, Q, d, Pe, m, we, R), A !== 0 && E("failed to call OrtRun().");
      let D = [], De = [];
      TRACE_EVENT_BEGIN("wasm ProcessOutputTensor");
      for (let f = 0; f < m; f++) {
        let N = Number(s.getValue(we + f * i, "*"));
        if (N === L[f] || v.includes(L[f])) {
          D.push(n[f]), N !== L[f] && s._OrtReleaseTensor(N) !== 0 && E("Can't release tensor.");
          continue;
        }
        let Ue = s.stackSave(), W = s.stackAlloc(4 * i), z = false, T, U = 0;
        try {
          s._OrtGetTensorData(N, W, W + i, W + 2 * i, W + 3 * i) !== 0 && E(`Can't access output tensor data on index ${f}.`);
          let ge = i === 4 ? "i32" : "i64", ne = Number(s.getValue(W, ge));
          U = s.getValue(W + i, "*");
          let xe = s.getValue(W + i * 2, "*"), Pt = Number(s.getValue(W + i * 3, ge)), k = [];
          for (let _ = 0; _ < Pt; _++) k.push(Number(s.getValue(xe + _ * i, ge)));
          s._OrtFree(xe) !== 0 && E("Can't free memory for tensor dims.");
          let F = k.reduce((_, I) => _ * I, 1);
          T = ue(ne);
          let ee = g?.outputPreferredLocations[o[f]];
          if (T === "string") {
            if (ee === "gpu-buffer" || ee === "ml-tensor") throw new Error("String tensor is not supported on GPU.");
            let _ = [];
            for (let I = 0; I < F; I++) {
              let G = s.getValue(U + I * i, "*"), oe = s.getValue(U + (I + 1) * i, "*"), Ce = I === F - 1 ? void 0 : oe - G;
              _.push(s.UTF8ToString(G, Ce));
            }
            D.push([T, k, _, "cpu"]);
          } else if (ee === "gpu-buffer" && F > 0) {
            let _ = s.jsepGetBuffer;
            if (!_) throw new Error('preferredLocation "gpu-buffer" is not supported without using WebGPU.');
            let I = _(U), G = Z(ne, F);
            if (G === void 0 || !ce(T)) throw new Error(`Unsupported data type: ${T}`);
            z = true, D.push([T, k, { gpuBuffer: I, download: s.jsepCreateDownloader(I, G, T), dispose: () => {
              s._OrtReleaseTensor(N) !== 0 && E("Can't release tensor.");
            } }, "gpu-buffer"]);
          } else if (ee === "ml-tensor" && F > 0) {
            let _ = s.webnnEnsureTensor, I = s.webnnIsGraphInputOutputTypeSupported;
            if (!_ || !I) throw new Error('preferredLocation "ml-tensor" is not supported without using WebNN.');
            if (Z(ne, F) === void 0 || !pe(T)) throw new Error(`Unsupported data type: ${T}`);
            if (!I(e, T, false)) throw new Error(`preferredLocation "ml-tensor" for ${T} output is not supported by current WebNN Context.`);
            let oe = await _(e, U, ne, k, false);
            z = true, D.push([T, k, { mlTensor: oe, download: s.webnnCreateMLTensorDownloader(U, T), dispose: () => {
              s.webnnReleaseTensorId(U), s._OrtReleaseTensor(N);
            } }, "ml-tensor"]);
          } else if (ee === "ml-tensor-cpu-output" && F > 0) {
            let _ = s.webnnCreateMLTensorDownloader(U, T)(), I = D.length;
            z = true, De.push((async () => {
              let G = [I, await _];
              return s.webnnReleaseTensorId(U), s._OrtReleaseTensor(N), G;
            })()), D.push([T, k, [], "cpu"]);
          } else {
            let _ = qe(T), I = new _(F);
            new Uint8Array(I.buffer, I.byteOffset, I.byteLength).set(s.HEAPU8.subarray(U, U + I.byteLength)), D.push([T, k, I, "cpu"]);
          }
        } finally {
          s.stackRestore(Ue), T === "string" && U && s._free(U), z || s._OrtReleaseTensor(N);
        }
      }
      g && !l && (s._OrtClearBoundOutputs(g.handle) !== 0 && E("Can't clear bound outputs."), Y.set(e, [b, w, c, g, l, false]));
      for (let [f, N] of await Promise.all(De)) D[f][2] = N;
      return TRACE_EVENT_END("wasm ProcessOutputTensor"), D;
    } finally {
      s.webnnOnRunEnd?.(b), s.stackRestore(re), O.forEach((A) => s._OrtReleaseTensor(A)), L.forEach((A) => s._OrtReleaseTensor(A)), P.forEach((A) => s._free(A)), R !== 0 && s._OrtReleaseRunOptions(R), S.forEach((A) => s._free(A));
      for (let A of u) {
        let D = X.get(A) - 1;
        D === 0 ? X.delete(A) : X.set(A, D);
      }
    }
  }, it = (e) => {
    let t = y(), r = Y.get(e);
    if (!r) throw new Error("invalid session id");
    let o = r[0], n = t._OrtEndProfiling(o);
    n === 0 && E("Can't get an profile file name."), t._OrtFree(n);
  };
});
var Te;
var ct;
var pt;
var dt;
var lt;
var ft;
var mt;
var bt;
var wt;
var gt;
var yt;
var Et;
var fe = x(() => {
  "use strict";
  ut();
  V();
  Se();
  de();
  Te = false, ct = false, pt = false, dt = async () => {
    if (!ct) {
      if (Te) throw new Error("multiple calls to 'initWasm()' detected.");
      if (pt) throw new Error("previous call to 'initWasm()' failed.");
      Te = true;
      try {
        await $e(env2.wasm), await et(env2), ct = true;
      } catch (e) {
        throw pt = true, e;
      } finally {
        Te = false;
      }
    }
  }, lt = async (e) => {
    await tt(env2, e);
  }, ft = async (e) => Ie(e), mt = async (e, t) => rt(e, t), bt = async (e) => {
    nt(e);
  }, wt = async (e) => {
    let t = typeof e == "string" ? await H(e) : e;
    return ot(t);
  }, gt = async (e) => {
    st(e);
  }, yt = async (e, t, r, o, n, a, u) => at(e, t, r, o, n, a, u), Et = async (e) => {
    it(e);
  };
});
var K;
var _e = x(() => {
  "use strict";
  fe();
  K = class {
    async loadAdapter(t) {
      TRACE_FUNC_BEGIN(), this.adapterId = await wt(t), TRACE_FUNC_END();
    }
    async dispose() {
      return gt(this.adapterId);
    }
  };
});
var Ot;
var rr;
var me;
var Lt = x(() => {
  "use strict";
  _e();
  fe();
  Le();
  se();
  de();
  Ot = (e, t) => {
    switch (e.location) {
      case "cpu":
        return [e.type, e.dims, e.data, "cpu"];
      case "gpu-buffer":
        return [e.type, e.dims, { gpuBuffer: e.gpuBuffer }, "gpu-buffer"];
      case "ml-tensor":
        return [e.type, e.dims, { mlTensor: e.mlTensor }, "ml-tensor"];
      default:
        throw new Error(`invalid data location: ${e.location} for ${t()}`);
    }
  }, rr = (e) => {
    switch (e[3]) {
      case "cpu":
        return new Tensor2(e[0], e[2], e[1]);
      case "gpu-buffer": {
        let t = e[0];
        if (!ce(t)) throw new Error(`not supported data type: ${t} for deserializing GPU tensor`);
        let { gpuBuffer: r, download: o, dispose: n } = e[2];
        return Tensor2.fromGpuBuffer(r, { dataType: t, dims: e[1], download: o, dispose: n });
      }
      case "ml-tensor": {
        let t = e[0];
        if (!pe(t)) throw new Error(`not supported data type: ${t} for deserializing MLTensor tensor`);
        let { mlTensor: r, download: o, dispose: n } = e[2];
        return Tensor2.fromMLTensor(r, { dataType: t, dims: e[1], download: o, dispose: n });
      }
      default:
        throw new Error(`invalid data location: ${e[3]}`);
    }
  }, me = class {
    async fetchModelAndCopyToWasmMemory(t) {
      return ft(await H(t));
    }
    async loadModel(t, r) {
      TRACE_FUNC_BEGIN();
      let o;
      typeof t == "string" ? $ ? o = await H(t) : o = await this.fetchModelAndCopyToWasmMemory(t) : o = t, [this.sessionId, this.inputNames, this.outputNames, this.inputMetadata, this.outputMetadata] = await mt(o, r), TRACE_FUNC_END();
    }
    async dispose() {
      return bt(this.sessionId);
    }
    async run(t, r, o, n = []) {
      TRACE_FUNC_BEGIN();
      let a = n.map((l) => {
        if (!(l instanceof K)) throw new Error("LoRA adapter was not created by the WebAssembly backend.");
        return l.adapterId;
      }), u = [], s = [];
      Object.entries(t).forEach((l) => {
        let h = l[0], B = l[1], d = this.inputNames.indexOf(h);
        if (d === -1) throw new Error(`invalid input '${h}'`);
        u.push(B), s.push(d);
      });
      let i = [], p = [];
      Object.entries(r).forEach((l) => {
        let h = l[0], B = l[1], d = this.outputNames.indexOf(h);
        if (d === -1) throw new Error(`invalid output '${h}'`);
        i.push(B), p.push(d);
      });
      let b = u.map((l, h) => Ot(l, () => `input "${this.inputNames[s[h]]}"`)), w = i.map((l, h) => l ? Ot(l, () => `output "${this.outputNames[p[h]]}"`) : null), c = await yt(this.sessionId, s, b, p, w, o, a), g = {};
      for (let l = 0; l < c.length; l++) g[this.outputNames[p[l]]] = i[l] ?? rr(c[l]);
      return TRACE_FUNC_END(), g;
    }
    startProfiling() {
    }
    endProfiling() {
      Et(this.sessionId);
    }
  };
});
var It;
var Tt = x(() => {
  "use strict";
  It = (e) => {
    if (e?.epContextDataRead) throw new Error('session option "epContextDataRead" is not supported by ONNX Runtime Web');
  };
});
var _t = {};
Ct(_t, { OnnxruntimeWebAssemblyBackend: () => be, initializeFlags: () => At, wasmBackend: () => nr });
var At;
var be;
var nr;
var vt = x(() => {
  "use strict";
  _e();
  fe();
  Lt();
  Tt();
  At = () => {
    (typeof env2.wasm.initTimeout != "number" || env2.wasm.initTimeout < 0) && (env2.wasm.initTimeout = 0);
    let e = env2.wasm.simd;
    if (typeof e != "boolean" && e !== void 0 && e !== "fixed" && e !== "relaxed" && (console.warn(`Property "env.wasm.simd" is set to unknown value "${e}". Reset it to \`false\` and ignore SIMD feature checking.`), env2.wasm.simd = false), typeof env2.wasm.proxy != "boolean" && (env2.wasm.proxy = false), typeof env2.wasm.trace != "boolean" && (env2.wasm.trace = false), typeof env2.wasm.numThreads != "number" || !Number.isInteger(env2.wasm.numThreads) || env2.wasm.numThreads <= 0) if (typeof self < "u" && !self.crossOriginIsolated) env2.wasm.numThreads = 1;
    else {
      let t = typeof navigator > "u" ? Ee("node:os").cpus().length : navigator.hardwareConcurrency;
      env2.wasm.numThreads = Math.min(4, Math.ceil((t || 1) / 2));
    }
  }, be = class {
    async init(t) {
      At(), await dt(), await lt(t);
    }
    async createInferenceSessionHandler(t, r) {
      It(r);
      let o = new me();
      return await o.loadModel(t, r), o;
    }
    async createLoraAdapterHandler(t) {
      let r = new K();
      return await r.loadAdapter(t), r;
    }
  }, nr = new be();
});
var Me = "1.31.1";
var yn = esm_exports;
{
  let e = (vt(), Rt(_t)).wasmBackend;
  registerBackend("cpu", e, 10), registerBackend("wasm", e, 10);
}
Object.defineProperty(env2.versions, "web", { value: Me, enumerable: true });
export {
  InferenceSession2 as InferenceSession,
  LoraAdapter2 as LoraAdapter,
  TRACE,
  TRACE_EVENT_BEGIN,
  TRACE_EVENT_END,
  TRACE_FUNC_BEGIN,
  TRACE_FUNC_END,
  Tensor2 as Tensor,
  yn as default,
  env2 as env,
  registerBackend
};

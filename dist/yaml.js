import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-XUVIL2FE.js";
import {
  __toESM
} from "./chunk-O7XNMCZ6.js";

// src/trainer/yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var { parse, stringify, parseDocument, parseAllDocuments, Document } = import_yaml.default;
var yaml_default = import_yaml.default;
export {
  Document,
  yaml_default as default,
  parse,
  parseAllDocuments,
  parseDocument,
  stringify
};

import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_CATEGORIES,
  rocAuc,
  trainLogisticModel
} from "./chunk-2L3PRCLO.js";
import {
  readTable,
  readTables
} from "./chunk-D3OICX26.js";
import "./chunk-2Y372U4S.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";
export {
  DEFAULT_MAX_CATEGORIES,
  readTable,
  readTables,
  rocAuc,
  trainLogisticModel
};

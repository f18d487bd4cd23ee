import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_CATEGORIES,
  rocAuc,
  trainLogisticModel
} from "./chunk-2WVHSKLB.js";
import {
  readTable,
  readTables
} from "./chunk-7DYEKQYO.js";
import "./chunk-ET2GZXVJ.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";
export {
  DEFAULT_MAX_CATEGORIES,
  readTable,
  readTables,
  rocAuc,
  trainLogisticModel
};

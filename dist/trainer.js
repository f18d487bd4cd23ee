import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_CATEGORIES,
  rocAuc,
  trainLogisticModel
} from "./chunk-23DC4QBT.js";
import {
  readTable,
  readTables
} from "./chunk-7OQRFDPI.js";
import "./chunk-XEI2JKWE.js";
import "./chunk-G5TKV47H.js";
import "./chunk-O7XNMCZ6.js";
export {
  DEFAULT_MAX_CATEGORIES,
  readTable,
  readTables,
  rocAuc,
  trainLogisticModel
};

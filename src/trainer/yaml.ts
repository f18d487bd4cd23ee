/**
 * `modelkeeper/yaml`: the YAML parser modelkeeper bundles (the yaml package), so a train script
 * can read modelkeeper.yml and params.yaml with nothing else installed. The demo's example
 * repository gets its `yaml` import from here (demo/run-demo.ts). Named exports, listed:
 * the bundle turns yaml's CommonJS build into ESM, where `export *` would export nothing.
 */
import YAML from "yaml";

export const { parse, stringify, parseDocument, parseAllDocuments, Document } = YAML;
export default YAML;

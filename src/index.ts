// The Action's entry point (action.yml runs its bundle, dist/index.js).
import "./ort-env.ts";
import { run } from "./main.ts";

await run();

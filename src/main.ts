// The GitHub Action's front door (action.yml runs the bundle of this file).
import "./ort-env.ts";
import { runAction } from "./action/run-action.ts";

await runAction();

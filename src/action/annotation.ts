import { isAbsolute, relative, resolve, sep } from "node:path";
import type { AnnotationProperties } from "@actions/core";
import type { UserError } from "../errors.ts";

/**
 * Where a user error points, as an annotation GitHub shows on the file and line (config keys, data
 * rows): the path relative to the repository checkout (GITHUB_WORKSPACE), which is how annotations
 * name files. None for a file outside the checkout, where the annotation could attach to nothing.
 */
export function annotationFor(
  where: UserError["where"],
  workspace: string,
  workingDirectory: string,
): AnnotationProperties | undefined {
  if (!where?.file) return undefined;
  const path = relative(resolve(workspace), resolve(workingDirectory, where.file));
  if (path.startsWith("..") || isAbsolute(path)) return undefined;
  const column = typeof where.column === "number" ? where.column : undefined;
  return {
    title: "modelkeeper",
    file: path.split(sep).join("/"),
    ...(where.line ? { startLine: where.line } : {}),
    ...(where.line && column ? { startColumn: column } : {}),
  };
}

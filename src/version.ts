/** The tool's name and version as written into every note line. */
export const VERSION = "0.1.0";
export const TOOL = `modelkeeper/${VERSION}`;

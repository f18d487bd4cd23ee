/**
 * A CSV written with another delimiter (Excel in many locales writes ';', exports often use tabs)
 * parses as one column whose name holds every name. Which delimiter it looks like, if it does:
 * a one-field header that splits on it into two or more non-empty names.
 */
const CANDIDATES: ReadonlyArray<{ char: string; shown: string }> = [
  { char: ";", shown: "';'" },
  { char: "\t", shown: "tab" },
  { char: "|", shown: "'|'" },
];

export function otherDelimiter(header: readonly string[]): { shown: string; names: string[] } | undefined {
  if (header.length !== 1) return undefined;
  for (const { char, shown } of CANDIDATES) {
    const names = header[0].split(char).map((n) => n.trim());
    if (names.length >= 2 && names.every((n) => n !== "")) return { shown, names };
  }
  return undefined;
}

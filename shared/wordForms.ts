/**
 * The forms a banned or biased word is looked for in, in running text: as written, lower-case,
 * Capitalised and UPPER-CASE, each with and without a leading space (GPT-2-style tokenizers
 * join the space to the word). One list for both engines: the local one
 * (electron/engine/host/wordBias.ts) and a remote server (electron/engine/remote/remoteSteering.ts).
 */
export function wordForms(word: string): string[] {
  const trimmed = word.trim();
  if (trimmed === '') return [];
  const lower = trimmed.toLowerCase();
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  const cases = new Set([trimmed, lower, capitalised, trimmed.toUpperCase()]);
  const forms = new Set<string>();
  for (const form of cases) {
    forms.add(form);
    forms.add(` ${form}`);
  }
  return [...forms];
}

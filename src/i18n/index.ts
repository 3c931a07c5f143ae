/** Strings and the lexicon: names, why cards and chronicle lines in Nozama's words or AWS's. */
export * from './chronicle.ts';
export * from './explain.ts';
export * from './lexicon.ts';
export * from './names.ts';

// The shape every language must fill: the English resources' keys, each a string. A Chinese file
// typed with it cannot compile with a key missing or extra (parity.test.ts checks the same at
// run time, for the lesson files too).
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? string[] : Strings<T[K]> };

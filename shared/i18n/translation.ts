/**
 * The shape a translation must have: the English namespace's keys, each with a string. A plural
 * `_one` form is optional because Chinese (like many languages) has only the `_other` form.
 */
export type Translation<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string
    ? string
    : Translation<T[K]>;
} & {
  [K in keyof T as K extends `${string}_one` ? K : never]?: string;
};

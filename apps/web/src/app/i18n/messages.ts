import type { zh } from './zh';

/** Every text the app shows; both dictionaries must have all of it. */
export type Messages = typeof zh;

import type { Translation } from '../../translation.js';
import type { app as english } from '../en/app.js';

export const app: Translation<typeof english> = {};

import type { Translation } from '../../translation.js';
import type { errors as english } from '../en/errors.js';

export const errors: Translation<typeof english> = {};

import type { Translation } from '../../translation.js';
import type { models as english } from '../en/models.js';

export const models: Translation<typeof english> = {};

import type { Translation } from '../../translation.js';
import type { templates as english } from '../en/templates.js';

export const templates: Translation<typeof english> = {};

import type { Translation } from '../../translation.js';
import type { generation as english } from '../en/generation.js';

export const generation: Translation<typeof english> = {};

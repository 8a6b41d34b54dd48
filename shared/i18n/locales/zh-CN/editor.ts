import type { Translation } from '../../translation.js';
import type { editor as english } from '../en/editor.js';

export const editor: Translation<typeof english> = {};

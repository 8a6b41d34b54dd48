import type { Translation } from '../../translation.js';
import type { importExport as english } from '../en/importExport.js';

export const importExport: Translation<typeof english> = {};

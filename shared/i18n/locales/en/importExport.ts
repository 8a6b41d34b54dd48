export const importExport = {} as const;

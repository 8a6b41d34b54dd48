/**
 * The one door from main-side code to node-llama-cpp: reading a GGUF's header for the memory
 * estimate, and the model downloader. No llama.cpp bindings are loaded through it (no getLlama):
 * the model runs in the host process, which uses node-llama-cpp directly.
 */
export { createModelDownloader, GgufInsights, readGgufFileInfo } from 'node-llama-cpp';
export type { Llama, ModelDownloader } from 'node-llama-cpp';

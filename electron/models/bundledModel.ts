/** The demo model shipped with the app, so a fresh install can continue text offline. */
export const BUNDLED_MODEL_FILE = 'gpt2-brown-mini.q8_0.gguf';

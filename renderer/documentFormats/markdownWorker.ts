/** The worker that reads Markdown files (readers.ts): Lexical's reader, off the page. */
import { markdownToDocument } from './markdown.js';
import { serveOffThread } from './offThread.js';

serveOffThread(markdownToDocument);

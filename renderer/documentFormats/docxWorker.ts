/** The worker that reads Word files (readers.ts): the size checks and mammoth, off the page. */
import { docxToHtml } from './docxImport.js';
import { serveOffThread } from './offThread.js';

serveOffThread(docxToHtml);

// The code of the CSV import's steps after the file step, as one chunk loaded when a file is
// chosen (import-steps.ts).
export { ImportPreview } from './components/ImportPreview';
export { ImportResult } from './components/ImportResult';
export { importRefusalOf, readImportStream, readPreviewStream } from './import-stream';

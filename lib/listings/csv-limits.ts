// Limits of the CSV import, shared by the server and the upload form (which
// checks the file size before sending it).

/** Rows per file: one transaction must stay short. */
export const MAX_CSV_ROWS = 500;
/** Characters of CSV text accepted; far more than 500 rows need. */
export const MAX_CSV_CHARS = 1_000_000;
/** Bytes of upload the form sends (server actions accept about 1 MB). */
export const MAX_CSV_BYTES = 1_000_000;

/**
 * Messages the uploader reads when a file is refused. Shared with the web app (its upload page
 * refuses the same files before sending them, with the same words), so keep this file free of
 * imports.
 */
export const NOT_A_MEDIA_FILE = 'The file is not a video or audio file ffmpeg can read';
export const EMPTY_FILE = 'The file is empty (0 bytes)';

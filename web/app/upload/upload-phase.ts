/** Where the upload page is: sending bytes (tus), then watching the transcode. */
export type Phase = 'idle' | 'uploading' | 'paused' | 'processing' | 'ready' | 'failed' | 'error';

'use client';

import { useState, type DragEvent, type RefObject } from 'react';
import { formatBytes, formatDuration } from '@/lib/format';

interface FileDropZoneProps {
  inputId: string;
  /** The id of the file error shown below, when there is one. */
  errorId?: string;
  inputRef: RefObject<HTMLInputElement | null>;
  file: File | null;
  localDuration: number | null;
  busy: boolean;
  onChoose: (file: File | null) => void;
}

/** The file picker: a drop target around a hidden file input, showing the chosen file. */
export function FileDropZone({ inputId, errorId, inputRef, file, localDuration, busy, onChoose }: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    const f = e.dataTransfer.files?.[0];
    if (f) onChoose(f);
  }

  return (
    <div
      className={`dropzone${dragging ? ' dropzone--over' : ''}${busy ? ' dropzone--disabled' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <input
        ref={inputRef}
        id={inputId}
        className="sr-only"
        type="file"
        name="file"
        accept="video/*,audio/*"
        data-testid="file-input"
        disabled={busy}
        aria-describedby={errorId}
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
      <div className="dropzone__icon" aria-hidden="true">
        ⇪
      </div>
      {file ? (
        <p className="dropzone__file" data-testid="selected-file">
          <strong>{file.name}</strong>
          <span className="muted">
            {' '}
            · {formatBytes(file.size)}
            {localDuration !== null && ` · ${formatDuration(localDuration)}`}
          </span>
        </p>
      ) : (
        <p>Drag and drop a video file here</p>
      )}
      <label htmlFor={inputId} className="btn">
        {file ? 'Choose another file' : 'Choose a file'}
      </label>
    </div>
  );
}

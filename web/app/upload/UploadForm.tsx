'use client';

import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { FileDropZone } from './FileDropZone';

interface UploadFormProps {
  title: string;
  onTitle: (title: string) => void;
  file: File | null;
  localDuration: number | null;
  fileError: string | null;
  /** The file breaks a limit: its error is shown big. */
  fileOverLimit: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
  onChoose: (file: File | null) => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** The buttons. */
  children: ReactNode;
}

/** The video's metadata (its title) and its file, with the file's error. */
export function UploadForm({ title, onTitle, file, localDuration, fileError, fileOverLimit, inputRef, busy, onChoose, onSubmit, children }: UploadFormProps) {
  const uid = useId();
  const errorId = `${uid}-file-error`;
  return (
    <form className="panel upload__form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${uid}-title`}>Title</label>
        <input
          id={`${uid}-title`}
          name="title"
          type="text"
          maxLength={200}
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          disabled={busy}
          placeholder="Give your video a title"
        />
      </div>

      <FileDropZone
        inputId={`${uid}-file`}
        errorId={fileError ? errorId : undefined}
        inputRef={inputRef}
        file={file}
        localDuration={localDuration}
        busy={busy}
        onChoose={onChoose}
      />
      {fileError && (
        <p id={errorId} className={`field__error${fileOverLimit ? ' field__error--big' : ''}`} role="alert" data-testid="file-error">
          {fileError}
        </p>
      )}

      {children}
    </form>
  );
}

import { useState } from 'react';

/**
 * A file picker that also takes files dropped on it: a labelled, described `<input type="file">`
 * in a zone that highlights while files are dragged over it. `onFiles` gets the files chosen or
 * dropped (the input is cleared, so the same file can be chosen again).
 */
export function FileDropZone({
  id,
  label,
  hint,
  disabled = false,
  onFiles,
}: {
  id: string;
  label: string;
  hint: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const [isOver, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${isOver ? ' drop-zone--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <p className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        className="app-file-input"
        id={id}
        type="file"
        multiple
        accept=".json,application/json"
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
    </div>
  );
}

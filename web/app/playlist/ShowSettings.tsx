'use client';

import { useState, type FormEvent } from 'react';

export interface ShowFields {
  author: string;
  language: string;
  category: string;
  subcategory: string | null;
  explicit: boolean;
  locked: boolean;
}

/** A SHOW's podcast fields, for its owner: checked by the server (unknown language or category come back as errors). */
export function ShowSettings({ show, busy, onSave }: { show: ShowFields; busy: boolean; onSave: (next: ShowFields) => void }) {
  const [f, setF] = useState<ShowFields>(show);
  const set = (change: Partial<ShowFields>) => setF((prev) => ({ ...prev, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only the input's fields (the query's object also carries feedUrl); "" clears the subcategory.
    onSave({
      author: f.author,
      language: f.language,
      category: f.category,
      subcategory: f.subcategory ?? '',
      explicit: f.explicit,
      locked: f.locked,
    });
  };
  return (
    <form className="panel pl-show" onSubmit={submit} data-testid="show-settings">
      <h2 className="small">Podcast details</h2>
      <div className="field-row">
        <label className="field">
          Author
          <input value={f.author} onChange={(e) => set({ author: e.target.value })} disabled={busy} name="author" />
        </label>
        <label className="field">
          Language (BCP 47)
          <input
            value={f.language}
            onChange={(e) => set({ language: e.target.value })}
            disabled={busy}
            name="language"
            placeholder="en-US"
          />
        </label>
        <label className="field">
          Apple Podcasts category
          <input value={f.category} onChange={(e) => set({ category: e.target.value })} disabled={busy} name="category" />
        </label>
        <label className="field">
          Subcategory
          <input
            value={f.subcategory ?? ''}
            onChange={(e) => set({ subcategory: e.target.value || null })}
            disabled={busy}
            name="subcategory"
          />
        </label>
      </div>
      <label className="upload__radio">
        <input type="checkbox" checked={f.explicit} onChange={(e) => set({ explicit: e.target.checked })} disabled={busy} name="explicit" />
        <span>Explicit</span>
      </label>
      <label className="upload__radio">
        <input type="checkbox" checked={f.locked} onChange={(e) => set({ locked: e.target.checked })} disabled={busy} name="locked" />
        <span>Locked (podcast:locked: other platforms may not import this show)</span>
      </label>
      <button type="submit" className="btn btn--small" disabled={busy} data-testid="show-save">
        Save podcast details
      </button>
    </form>
  );
}

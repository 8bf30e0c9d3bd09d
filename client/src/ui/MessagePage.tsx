import type { ReactNode } from 'react';
import { LanguageMenu } from '../i18n/LanguageMenu.tsx';

/** A full-page message (not found, no access, out of date) with its action. */
export function MessagePage({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <main className="message-page">
      <LanguageMenu className="language-menu--corner" />
      <div className="message-page__card">
        <h1>{title}</h1>
        <p>{body}</p>
        {children ? <div className="message-page__actions">{children}</div> : null}
      </div>
    </main>
  );
}

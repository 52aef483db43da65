import { type FormEvent, useId, useState } from 'react';
import './sign-in-form.css';
import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../session-store';
import '../../../ui/forms.css';

export function SignInForm({ onSignIn }: { onSignIn(username: string, password: string): void }) {
  const error = useSessionStore((s) => s.error);
  const busy = useSessionStore((s) => s.status === 'signing-in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSignIn(username, password);
  };
  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('signIn.heading')}</h2>
      <label htmlFor={`${id}-u`}>{t('signIn.username')}</label>
      <input
        id={`${id}-u`}
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor={`${id}-p`}>{t('signIn.password')}</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error === 'wrong-credentials' ? <p role="alert">{t('signIn.wrong')}</p> : null}
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}

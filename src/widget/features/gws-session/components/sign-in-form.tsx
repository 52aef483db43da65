import { type FormEvent, useId, useState } from 'react';
import { texts } from '../../../ui/texts';
import { useSessionStore } from '../session-store';

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
      <h2 id={`${id}-h`}>{texts.signIn.heading}</h2>
      <label htmlFor={`${id}-u`}>{texts.signIn.username}</label>
      <input
        id={`${id}-u`}
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor={`${id}-p`}>{texts.signIn.password}</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error === 'wrong-credentials' ? <p role="alert">{texts.signIn.wrong}</p> : null}
      <button type="submit" disabled={busy}>
        {texts.signIn.submit}
      </button>
    </form>
  );
}

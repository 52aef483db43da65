import { type FormEvent, useId, useState } from 'react';
import { ATTRIBUTES, type Attribute } from '../../../../shared/lookup-constants';
import { attributeLabel } from '../../../i18n/attribute-labels';
import { t } from '../../../i18n/i18n';
import { type Search, validateValue } from '../model/search-params';
import { invalidText } from '../model/search-texts';

/** Remount it (key) when the search changes from outside (back/forward) so the fields follow. */
export function SearchForm({
  initial,
  onSearch,
}: {
  initial: Search | null;
  onSearch(search: Search): void;
}) {
  const id = useId();
  const [attribute, setAttribute] = useState<Attribute>(initial?.attribute ?? 'historySearchId');
  const [value, setValue] = useState(initial?.value ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateValue(value.trim());
    if (invalid) {
      setProblem(invalidText(invalid));
      return;
    }
    setProblem(null);
    onSearch({ attribute, value: value.trim() });
  };

  return (
    <form className="search" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>{t('search.heading')}</h2>
      <label htmlFor={`${id}-attribute`}>{t('search.attribute')}</label>
      <select
        id={`${id}-attribute`}
        value={attribute}
        onChange={(e) => setAttribute(e.target.value as Attribute)}
      >
        {ATTRIBUTES.map((name) => (
          <option key={name} value={name}>
            {attributeLabel(name)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`}>{t('search.value')}</label>
      <input
        id={`${id}-value`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="search__problem">
          {problem}
        </p>
      ) : null}
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}

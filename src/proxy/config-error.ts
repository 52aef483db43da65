// A setting that stops start-up: named, with what is wrong, never with its value (it may be secret).

export interface ConfigIssue {
  setting: string;
  message: string;
}

export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map((i) => `${i.setting}: ${i.message}`).join('; '));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

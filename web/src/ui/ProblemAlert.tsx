// Shows a server problem in the reader's language with its request ID, so that a caseworker
// can quote the ID to the help desk and an operator can find the log line.
import { useCallback } from 'react';
import { Alert, App, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { isApiError, isSessionProblem } from '../app/api';
import { pick, useI18n, type Lang } from '../app/i18n';

export type ErrorDescription = { title: string; fields: string[]; requestId?: string };

export function describeError(error: unknown, lang: Lang, fallbackTitle: string): ErrorDescription {
  if (isApiError(error)) {
    return {
      title: pick(error.messages, lang),
      fields: error.fields.map((f) => `${f.field}: ${lang === 'zh' ? f.zh : f.en}`),
      requestId: error.requestId,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { title: fallbackTitle, fields: text ? [text] : [] };
}

function ProblemBody({ description }: { description: ErrorDescription }) {
  const { t } = useI18n();
  return (
    <>
      {description.fields.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {description.fields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {description.requestId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('requestId')}:{' '}
          <Typography.Text copyable style={{ fontSize: 12 }} data-testid="problem-request-id">
            {description.requestId}
          </Typography.Text>
        </Typography.Text>
      )}
    </>
  );
}

export function ProblemAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const description = describeError(error, lang, t('pageError'));
  const hasBody = description.fields.length > 0 || Boolean(description.requestId);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem-alert"
      style={{ marginBottom: 16, ...style }}
      title={description.title}
      description={hasBody ? <ProblemBody description={description} /> : undefined}
    />
  );
}

/** Returns a function that shows an error as a notification (for actions, not page loads). */
export function useErrorNotifier(): (error: unknown) => void {
  const { notification } = App.useApp();
  const { lang, t } = useI18n();
  return useCallback(
    (error: unknown) => {
      // The shell navigates on these (sign-in, password change, MFA enrolment).
      if (isSessionProblem(error)) return;
      const description = describeError(error, lang, t('pageError'));
      notification.error({
        title: description.title,
        description: <ProblemBody description={description} />,
        duration: 8,
      });
    },
    [notification, lang, t],
  );
}

/**
 * Puts the server's field problems on the matching form fields. Returns true when at least
 * one field matched, so the caller can skip a duplicate general message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.fields
    .filter((f) => known.has(f.field.split('.')[0]))
    .map((f) => ({ name: f.field.split('.'), errors: [lang === 'zh' ? f.zh : f.en] }));
  form.setFields(fields);
  return fields.length > 0;
}

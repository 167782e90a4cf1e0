// The one HTTP client of the web app: fetch with the session cookie, the CSRF header on
// writes, and problem+json errors turned into a typed ApiError.
import type { Localized } from './i18n';

export const apiBase = '/api/v1';

/** Codes the server defines (server/src/platform/errors) plus the client's own. */
export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'BAD_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PASSWORD_POLICY'
  | 'PASSWORD_REUSED'
  | 'MFA_REQUIRED'
  | 'MFA_ENROLMENT_REQUIRED'
  | 'BAD_TOTP'
  | 'SESSION_EXPIRED'
  | 'CSRF'
  | 'FORBIDDEN'
  | 'OUT_OF_SCOPE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'STALE_VERSION'
  | 'INVALID_STATE'
  | 'RATE_LIMITED'
  | 'IMPORT_FAILED'
  | 'FILE_TYPE'
  | 'INTERNAL'
  // client-side: no answer, or an answer that is not problem+json
  | 'NETWORK'
  | 'UNEXPECTED_RESPONSE';

export type FieldProblem = { field: string; zh: string; en: string };

/** A problem+json answer (RFC 9457) as the server sends it. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  code: ApiErrorCode;
  message: Localized;
  detail?: string;
  requestId?: string;
  fields?: FieldProblem[];
  [extra: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly messages: Localized;
  readonly fields: FieldProblem[];
  readonly requestId: string | undefined;
  /** The whole problem document, for code-specific details such as `lockedUntil`. */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.message.en || problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.messages = problem.message;
    this.fields = problem.fields ?? [];
    this.requestId = problem.requestId;
    this.problem = problem;
  }

  /** A detail the server attached to the problem (top level, or under `details`). */
  detailValue(name: string): unknown {
    if (name in this.problem) return this.problem[name];
    const details = this.problem.details;
    if (details && typeof details === 'object' && name in details) return (details as Record<string, unknown>)[name];
    return undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * What the shell does when the server says the session cannot go on: sign in again, change
 * the password first, or enrol a one-time-code app first. App.tsx registers the handler.
 */
export type SessionProblem = 'signed-out' | 'password-change' | 'mfa-enrolment';
let sessionProblemHandler: (problem: SessionProblem) => void = () => undefined;

export function onSessionProblem(handler: (problem: SessionProblem) => void): void {
  sessionProblemHandler = handler;
}

/** Answers that the shell handles by navigating; pages need not show them. */
export function isSessionProblem(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'UNAUTHENTICATED' ||
      error.code === 'SESSION_EXPIRED' ||
      error.code === 'PASSWORD_CHANGE_REQUIRED' ||
      error.code === 'MFA_ENROLMENT_REQUIRED')
  );
}

export type QueryValue = string | number | boolean | null | undefined | Array<string | number>;
export type Query = Record<string, QueryValue>;

/** Drops empty values so that `?q=` never reaches the server. */
export function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (!query) return params;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}

export function apiUrl(path: string, query?: Query): string {
  const search = toSearchParams(query).toString();
  return `${apiBase}${path}${search ? `?${search}` : ''}`;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal };

async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const csrf = readCookie('renshe_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and retry' },
    });
  }
  if (!response.ok) throw await toApiError(response, path);
  return response;
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let problem: Problem | undefined;
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object' && 'code' in parsed && 'message' in parsed) {
      problem = { requestId, ...(parsed as Problem), status: response.status };
    }
  } catch {
    // not JSON: a proxy error page, for instance
  }
  const error = new ApiError(
    problem ?? {
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      message: {
        zh: `服务器返回了无法识别的响应（HTTP ${response.status}）`,
        en: `The server sent a response that could not be read (HTTP ${response.status})`,
      },
      requestId,
    },
  );
  routeSessionProblem(error, path);
  return error;
}

function routeSessionProblem(error: ApiError, path: string): void {
  // The sign-in and "who am I" calls answer 401 as part of their normal flow.
  if (path === '/auth/login' || path === '/auth/me') return;
  if (error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
    sessionProblemHandler('signed-out');
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    sessionProblemHandler('password-change');
  } else if (error.status === 403 && error.code === 'MFA_ENROLMENT_REQUIRED') {
    sessionProblemHandler('mfa-enrolment');
  }
}

async function json<T>(method: Method, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => json<T>('POST', path, { body }),
  put: <T = void>(path: string, body?: unknown) => json<T>('PUT', path, { body }),
  patch: <T = void>(path: string, body?: unknown) => json<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => json<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, { body: form }),
};

/** `{ items, total, page, pageSize }`: the shape of every paginated list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; /** The server counted up to a cap; there are more. */ totalCapped?: boolean };

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Downloads a file (an export, a template, an error workbook) through fetch, so that a
 * refusal arrives as an ApiError the page can show instead of a JSON page in a new tab.
 */
export async function download(path: string, query?: Query, fallbackName = 'download.xlsx'): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filenameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

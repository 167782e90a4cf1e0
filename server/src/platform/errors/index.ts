// One error type for the whole server. A code maps to an HTTP status and a message in
// Chinese and English; details carry what the client needs to fix the request.

export type ErrorCode =
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
  | 'SCOPE_MISSING'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'STALE_VERSION'
  | 'INVALID_STATE'
  | 'RATE_LIMITED'
  | 'IMPORT_FAILED'
  | 'FILE_TYPE'
  | 'DB_LOCKED'
  | 'INTERNAL';

type CodeInfo = { status: number; zh: string; en: string };

const codes: Record<ErrorCode, CodeInfo> = {
  BAD_REQUEST: { status: 400, zh: '请求有误', en: 'Bad request' },
  VALIDATION: { status: 400, zh: '输入校验未通过', en: 'Input failed validation' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '账户已锁定，请稍后再试', en: 'Account locked, try again later' },
  ACCOUNT_DISABLED: { status: 403, zh: '账户已停用', en: 'Account disabled' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改密码', en: 'You must change your password first' },
  PASSWORD_POLICY: {
    status: 400,
    zh: '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Password needs 8+ characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  MFA_REQUIRED: { status: 401, zh: '请输入动态口令', en: 'Enter your one-time code' },
  MFA_ENROLMENT_REQUIRED: { status: 403, zh: '管理员须先绑定动态口令', en: 'Administrators must enrol a one-time-code app first' },
  BAD_TOTP: { status: 401, zh: '动态口令错误', en: 'Wrong one-time code' },
  SESSION_EXPIRED: { status: 401, zh: '会话已过期，请重新登录', en: 'Session expired, please sign in again' },
  CSRF: { status: 403, zh: '请求校验失败，请刷新页面', en: 'Request check failed, reload the page' },
  FORBIDDEN: { status: 403, zh: '没有权限', en: 'Permission denied' },
  OUT_OF_SCOPE: { status: 403, zh: '超出数据权限范围', en: 'Outside your data scope' },
  SCOPE_MISSING: { status: 500, zh: '查询缺少数据权限条件', en: 'Query without data scope refused' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据冲突', en: 'Conflict' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'Record already exists' },
  STALE_VERSION: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'Record changed by someone else; reload and retry' },
  INVALID_STATE: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  IMPORT_FAILED: { status: 422, zh: '导入未通过校验，未写入任何数据', en: 'Import failed validation; nothing was written' },
  FILE_TYPE: { status: 415, zh: '文件类型不支持，请上传 .xlsx 或 .csv', en: 'Unsupported file type; upload .xlsx or .csv' },
  DB_LOCKED: { status: 500, zh: '数据目录已被另一进程占用', en: 'The data folder is in use by another process' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
};

export type ErrorDetails = {
  /** Overrides the default Chinese message. */
  zh?: string;
  /** Overrides the default English message. */
  en?: string;
  /** Field-level problems, e.g. [{ field: 'idNumber', zh: '校验位错误', en: 'wrong check digit' }]. */
  fields?: FieldProblem[];
  [key: string]: unknown;
};

export type FieldProblem = { field: string; zh: string; en: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    const info = codes[code];
    super(details.en ?? info.en);
    this.name = 'AppError';
    this.code = code;
    this.status = info.status;
    this.zh = details.zh ?? info.zh;
    this.en = details.en ?? info.en;
    this.details = details;
  }
}

export function errorInfo(code: ErrorCode): CodeInfo {
  return codes[code];
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  message: { zh: string; en: string };
  detail: string;
  requestId: string;
  fields?: FieldProblem[];
  [key: string]: unknown;
};

/** RFC 9457 problem document. Never carries a stack trace. */
export function toProblem(err: AppError, requestId: string): Problem {
  const { zh: _zh, en: _en, fields, ...rest } = err.details;
  return {
    ...rest,
    type: `urn:renshe:error:${err.code.toLowerCase()}`,
    title: errorInfo(err.code).en,
    status: err.status,
    code: err.code,
    message: { zh: err.zh, en: err.en },
    detail: `${err.zh} / ${err.en}`,
    requestId,
    ...(fields ? { fields } : {}),
  };
}

// A small typed dictionary instead of an i18n library: Chinese first, English available.
// Each module keeps its own messages (defineMessages) so that lazy chunks carry their text.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export type Lang = 'zh' | 'en';
export type Localized = { zh: string; en: string };
export type Messages<K extends string> = { zh: Record<K, string>; en: Record<K, string> };
export type Vars = Record<string, string | number>;

const storageKey = 'renshe.lang';

/** Declares one dictionary: the Chinese text defines the keys, English must give every key. */
export function defineMessages<K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> {
  return { zh, en };
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

type LangContextValue = { lang: Lang; setLang: (lang: Lang) => void };
const LangContext = createContext<LangContextValue>({ lang: 'zh', setLang: () => undefined });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readStoredLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  return useContext(LangContext);
}

/** Picks the text of the current language from a server `{ zh, en }` message. */
export function pick(message: Localized | null | undefined, lang: Lang): string {
  if (!message) return '';
  return message[lang] || message.zh || message.en;
}

export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** `t('key')` for one module dictionary, in the current language. */
export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const { lang } = useLang();
  return useCallback((key: K, vars?: Vars) => interpolate(messages[lang][key] ?? key, vars), [messages, lang]);
}

// The shell's own text: login, account pages, layout, menu, shared components.
export const shellMessages = defineMessages(
  {
    appName: '人社开放平台',
    appFullName: '海南省人力资源和社会保障厅 · 人社开放平台',
    language: '语言',
    switchToOther: 'English',
    loading: '加载中…',
    // login
    loginTitle: '工作人员登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    login: '登录',
    totp: '动态口令',
    totpHint: '请打开身份验证器应用，输入 6 位动态口令。',
    totpRequired: '请输入 6 位数字动态口令',
    lockedUntil: '账户已锁定，将于 {time} 自动解锁；如需提前解锁请联系管理员。',
    lockedNoTime: '账户已锁定，请稍后再试或联系管理员。',
    remainingAttempts: '再输错 {count} 次，账户将被锁定。',
    back: '返回',
    // password
    passwordTitle: '修改密码',
    passwordForced: '为了账户安全，请先修改密码后再继续使用。',
    passwordExpired: '您的密码已过期，请设置新密码。',
    passwordRule: '新密码至少 8 位，并包含大写字母、小写字母、数字、符号四类中的至少三类；不能与当前密码相同。',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    confirmMismatch: '两次输入的新密码不一致',
    passwordChanged: '密码已修改',
    save: '保存',
    saved: '已保存',
    cancel: '取消',
    // totp
    totpTitle: '绑定动态口令',
    totpIntro: '您的角色要求使用动态口令登录。请在手机上的身份验证器应用（如 Google Authenticator、Microsoft Authenticator、FreeOTP）中手动添加以下密钥，然后输入应用显示的 6 位口令完成绑定。',
    totpSecret: '密钥',
    totpUrl: '配置链接（otpauth）',
    totpCode: '6 位动态口令',
    totpEnable: '完成绑定',
    totpEnabled: '动态口令已绑定',
    totpRetry: '重新生成密钥',
    copy: '复制',
    copied: '已复制',
    // layout
    home: '首页',
    groupRegistry: '基础信息',
    groupAdmin: '系统管理',
    groupSecurity: '安全审计',
    persons: '人员信息',
    employers: '单位信息',
    imports: '数据导入',
    orgs: '机构管理',
    users: '用户管理',
    roles: '角色管理',
    loginLogs: '登录日志',
    sessions: '在线会话',
    audit: '审计日志',
    regionAll: '全部辖区',
    regionPlaceholder: '选择行政区划',
    changePassword: '修改密码',
    enrolTotp: '绑定动态口令',
    logout: '退出登录',
    loggedOut: '已退出登录',
    // home
    welcome: '{name}，欢迎使用人社开放平台',
    welcomeSub: '海南省人力资源和社会保障厅',
    myOrg: '所属机构',
    myRegion: '所属区划',
    myRoles: '角色',
    myScope: '数据范围',
    shortcuts: '常用功能',
    noShortcuts: '您的账户还没有可用的功能，请联系管理员分配角色。',
    scope_all: '全部数据',
    scope_region: '本级',
    scope_region_and_below: '本级及以下',
    scope_custom: '自定义区划',
    scope_self: '仅本人',
    // errors and results
    forbiddenTitle: '没有权限',
    forbiddenText: '您没有访问此页面的权限。',
    notFoundTitle: '页面不存在',
    notFoundText: '您访问的页面不存在。',
    backHome: '返回首页',
    requestId: '请求编号',
    networkError: '无法连接服务器，请检查网络后重试',
    unexpectedError: '服务器返回了无法识别的响应（HTTP {status}）',
    pageError: '页面出错了',
    reload: '重新加载',
    // data table
    search: '查询',
    reset: '重置',
    export: '导出',
    exporting: '正在导出…',
    total: '共 {total} 条',
    personPick: '输入姓名搜索人员',
    employerPick: '输入名称搜索单位',
    totalCapped: '超过 {total} 条，请缩小查询范围',
    dateFrom: '开始日期',
    dateTo: '结束日期',
    all: '全部',
    yes: '是',
    no: '否',
  },
  {
    appName: 'Renshe',
    appFullName: 'Hainan HRSS · Renshe open platform',
    language: 'Language',
    switchToOther: '中文',
    loading: 'Loading…',
    loginTitle: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    login: 'Sign in',
    totp: 'One-time code',
    totpHint: 'Open your authenticator app and enter the 6-digit code.',
    totpRequired: 'Enter the 6-digit code',
    lockedUntil: 'Account locked until {time}; ask an administrator to unlock it sooner.',
    lockedNoTime: 'Account locked; try again later or ask an administrator.',
    remainingAttempts: '{count} more wrong attempts will lock the account.',
    back: 'Back',
    passwordTitle: 'Change password',
    passwordForced: 'For your account’s safety, change your password before you continue.',
    passwordExpired: 'Your password has expired; choose a new one.',
    passwordRule:
      'The new password needs at least 8 characters from at least 3 of these 4 classes: upper case, lower case, digits, symbols. It must differ from the current one.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Repeat new password',
    confirmMismatch: 'The two new passwords differ',
    passwordChanged: 'Password changed',
    save: 'Save',
    saved: 'Saved',
    cancel: 'Cancel',
    totpTitle: 'Enrol a one-time-code app',
    totpIntro:
      'Your role requires a one-time code at sign-in. Add the key below by hand in an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, FreeOTP, …), then enter the 6-digit code it shows.',
    totpSecret: 'Key',
    totpUrl: 'Set-up link (otpauth)',
    totpCode: '6-digit code',
    totpEnable: 'Enrol',
    totpEnabled: 'One-time codes enabled',
    totpRetry: 'New key',
    copy: 'Copy',
    copied: 'Copied',
    home: 'Home',
    groupRegistry: 'Registry',
    groupAdmin: 'Administration',
    groupSecurity: 'Security & audit',
    persons: 'Persons',
    employers: 'Employers',
    imports: 'Imports',
    orgs: 'Organisations',
    users: 'Users',
    roles: 'Roles',
    loginLogs: 'Sign-in log',
    sessions: 'Online sessions',
    audit: 'Audit log',
    regionAll: 'All my regions',
    regionPlaceholder: 'Choose a region',
    changePassword: 'Change password',
    enrolTotp: 'Enrol one-time codes',
    logout: 'Sign out',
    loggedOut: 'Signed out',
    welcome: 'Welcome, {name}',
    welcomeSub: 'Hainan Provincial Department of Human Resources and Social Security',
    myOrg: 'Organisation',
    myRegion: 'Region',
    myRoles: 'Roles',
    myScope: 'Data scope',
    shortcuts: 'Shortcuts',
    noShortcuts: 'Your account has no functions yet; ask an administrator for a role.',
    scope_all: 'All data',
    scope_region: 'Own region',
    scope_region_and_below: 'Own region and below',
    scope_custom: 'Custom regions',
    scope_self: 'Own records only',
    forbiddenTitle: 'Permission denied',
    forbiddenText: 'You may not open this page.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you asked for does not exist.',
    backHome: 'Back to home',
    requestId: 'Request ID',
    networkError: 'Cannot reach the server; check the network and retry',
    unexpectedError: 'The server sent a response that could not be read (HTTP {status})',
    pageError: 'This page failed',
    reload: 'Reload',
    search: 'Search',
    reset: 'Reset',
    export: 'Export',
    exporting: 'Exporting…',
    total: '{total} in all',
    personPick: 'Type a name to find the person',
    employerPick: 'Type a name to find the employer',
    totalCapped: 'More than {total}; narrow the search',
    dateFrom: 'From',
    dateTo: 'To',
    all: 'All',
    yes: 'Yes',
    no: 'No',
  },
);

export type ShellKey = keyof (typeof shellMessages)['zh'];

/** The shell dictionary plus the current language. */
export function useI18n(): { lang: Lang; setLang: (lang: Lang) => void; t: Translate<ShellKey> } {
  const { lang, setLang } = useLang();
  const t = useMessages(shellMessages);
  return { lang, setLang, t };
}

// Providers and the router: language → antd theme/locale → antd App (message, modal,
// notification) → TanStack Query → the signed-in user → routes.
import { Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError, onSessionProblem } from './api';
import { AuthProvider, fetchMe, meQueryKey, needsMfaEnrolment, needsPasswordChange } from './auth';
import { FullPageSpin } from './guards';
import { LangProvider, useLang } from './i18n';
import { routes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change on retry; a dropped connection or a 5xx might.
      retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
});

const router = createBrowserRouter(routes);

onSessionProblem((problem) => {
  const { pathname, search } = router.state.location;
  if (problem === 'signed-out') {
    // Forget everything the previous session could see, then sign in again and come back.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
    if (pathname !== '/login') {
      const here = `${pathname}${search}`;
      void router.navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
  } else {
    // A late answer to a request sent before the password change or the TOTP enrolment
    // still says "required": ask the server again and move only if it still is.
    void queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 }).then((me) => {
      const target = problem === 'password-change' ? '/account/password' : '/account/totp';
      const still = me !== null && (problem === 'password-change' ? needsPasswordChange(me) : needsMfaEnrolment(me));
      if (still && router.state.location.pathname !== target) void router.navigate(target);
    }, () => undefined);
  }
});

function LocalisedApp() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1560bd', borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <Suspense fallback={<FullPageSpin />}>
              <RouterProvider router={router} />
            </Suspense>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <LocalisedApp />
    </LangProvider>
  );
}

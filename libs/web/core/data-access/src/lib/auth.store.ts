import { computed, inject } from '@angular/core';
import { LoginResponse, UserView } from '@hotline/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { ApiClient } from './api-client';
import { CallState } from './call-state';
import { errorMessage, toWebError } from './error-messages';
import { landingRouteFor } from './workspaces';

export const TOKEN_KEY = 'hotline.token';
export const USER_KEY = 'hotline.user';

interface AuthState {
  token: string | null;
  user: UserView | null;
  callState: CallState;
}

function readSession(): Pick<AuthState, 'token' | 'user'> {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const raw = localStorage.getItem(USER_KEY);
    const user = raw ? (JSON.parse(raw) as UserView) : null;
    return token && user ? { token, user } : { token: null, user: null };
  } catch {
    return { token: null, user: null };
  }
}

function writeSession(token: string | null, user: UserView | null): void {
  try {
    if (token && user) {
      localStorage.setItem(TOKEN_KEY, token);
      localStorage.setItem(USER_KEY, JSON.stringify(user));
    } else {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(USER_KEY);
    }
  } catch {
    // private mode or a full quota: the session still lives in memory for this tab
  }
}

/**
 * Who is logged in. The token and the user are kept in localStorage so a reload (or a second tab)
 * does not send an agent in the middle of a call back to the login screen.
 */
export const AuthStore = signalStore(
  { providedIn: 'root' },
  withState<AuthState>(() => ({ ...readSession(), callState: 'init' })),
  withComputed(({ token, user }) => ({
    isLoggedIn: computed(() => !!token() && !!user()),
    role: computed(() => user()?.role ?? null),
    landingRoute: computed(() => landingRouteFor(user()?.role)),
  })),
  withMethods((store, api = inject(ApiClient)) => ({
    /** Returns true on success; on failure the call state carries the Chinese message. */
    async login(username: string, password: string): Promise<boolean> {
      patchState(store, { callState: 'loading' });
      try {
        const res = await api.post<LoginResponse>('/auth/login', {
          username,
          password,
        });
        writeSession(res.accessToken, res.user);
        patchState(store, {
          token: res.accessToken,
          user: res.user,
          callState: 'loaded',
        });
        return true;
      } catch (err) {
        const e = toWebError(err);
        const message = e.code === 'TOO_MANY_REQUESTS' ? '登录失败次数过多，请稍后再试' : errorMessage(e);
        patchState(store, { callState: { error: message } });
        return false;
      }
    },
    /** Re-reads the user (role or unit may have changed since the token was stored). */
    async refreshUser(): Promise<void> {
      if (!store.token()) return;
      try {
        const user = await api.get<UserView>('/auth/me');
        writeSession(store.token(), user);
        patchState(store, { user });
      } catch {
        // a 401 is handled by the interceptor; anything else keeps the stored user
      }
    },
    clearSession(): void {
      writeSession(null, null);
      patchState(store, { token: null, user: null, callState: 'init' });
    },
  })),
);

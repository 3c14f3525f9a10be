import { z } from 'zod'
import { ALL_ROLES, defineCall } from './define'
import type { UserView } from '../core/users/service'

const username = z.string().trim().min(2, '用户名至少2个字符').max(32, '用户名不超过32个字符')
const password = z.string().min(8, '密码至少8位').max(128, '密码过长')

export const authCalls = {
  'auth.setupStatus': defineCall<{ needsSetup: boolean; codeRequired: boolean }>()({ input: z.object({}), roles: 'public' }),
  'auth.setupAdmin': defineCall<UserView>()({
    input: z.object({
      username,
      displayName: z.string().trim().min(1, '请填写姓名').max(32),
      password,
      /** the one-time code the server printed at start; needed only when not on the server's own machine */
      setupCode: z.string().trim().max(32).optional(),
    }),
    roles: 'public',
  }),
  /** mustChangePassword: a one-time password; every call but auth.changePassword is refused until it is changed */
  'auth.login': defineCall<{ token: string; user: UserView; mustChangePassword: boolean; previousLoginAt: string | null }>()({
    input: z.object({ username: z.string().trim().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') }),
    roles: 'public',
  }),
  'auth.logout': defineCall<{ ok: true }>()({ input: z.object({}), roles: ALL_ROLES }),
  'auth.me': defineCall<UserView>()({ input: z.object({}), roles: ALL_ROLES }),
  'users.list': defineCall<UserView[]>()({ input: z.object({}), roles: ['admin', 'office'] }),
  'users.leaders': defineCall<{ id: number; displayName: string }[]>()({ input: z.object({}), roles: ALL_ROLES }),
}

import { createRouter, createWebHashHistory, type RouteLocationNormalized, type Router } from 'vue-router'
import { onSessionLost } from '@/api/client'
import { desktopConnection } from '@/api/connection'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'
import { useLeaderDashboardStore } from '@/stores/leaderDashboard'
import { useTasksStore } from '@/stores/tasks'
import { queryToFilter } from '@/views/tasks/query'
import { loadDashboardPage } from './prefetch'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    /** only these roles see the page (the core still checks every call) */
    dashboard?: boolean
    /** only the office (admin, office) imports documents; the page works before any plan exists */
    import?: boolean
    /** 待审核: the office only */
    review?: boolean
    /** 我的报送: unit heads and staff only */
    unitOnly?: boolean
    /** 督查督办: the office (admin, office) only */
    supervision?: boolean
    /** the office and leaders (a leader sees the units in their charge) */
    interviews?: boolean
    /** 本局信息, 单位管理, 人员管理, 系统维护, 服务器与安全: the administrator only; these pages work before any plan exists */
    admin?: boolean
    /** the page works before any plan exists (home with its first-steps checklist) */
    withoutPlan?: boolean
    /** 常用批示语: the office and leaders */
    phrases?: boolean
  }
}

export function createAppRouter(): Router {
  const router = createRouter({
    // hash history: works from file:// in Electron and over HTTP alike
    history: createWebHashHistory(),
    routes: [
      { path: '/login', name: 'login', component: () => import('@/views/login/LoginPage.vue'), meta: { public: true } },
      { path: '/connect', name: 'connect', component: () => import('@/views/connect/ConnectPage.vue'), meta: { public: true } },
      { path: '/setup', name: 'setup', component: () => import('@/views/setup/SetupPage.vue'), meta: { public: true } },
      // outside the main layout: a one-time password must be changed before anything else opens
      { path: '/password', name: 'password', component: () => import('@/views/account/PasswordPage.vue') },
      {
        path: '/',
        component: () => import('@/views/layout/MainLayout.vue'),
        redirect: '/home',
        children: [
          { path: 'home', name: 'home', component: () => import('@/views/home/HomePage.vue'), meta: { withoutPlan: true } },
          {
            path: 'settings/bureau',
            name: 'settings-bureau',
            component: () => import('@/views/settings/BureauPage.vue'),
            meta: { admin: true },
          },
          {
            path: 'settings/phrases',
            name: 'settings-phrases',
            component: () => import('@/views/settings/PhrasesPage.vue'),
            meta: { phrases: true, withoutPlan: true },
          },
          {
            path: 'settings/units',
            name: 'settings-units',
            component: () => import('@/views/settings/UnitsPage.vue'),
            meta: { admin: true },
          },
          {
            path: 'settings/people',
            name: 'settings-people',
            component: () => import('@/views/settings/PeoplePage.vue'),
            meta: { admin: true },
          },
          {
            path: 'settings/reminders',
            name: 'reminder-settings',
            component: () => import('@/views/settings/ReminderSettingsPage.vue'),
            meta: { supervision: true },
          },
          { path: 'inbox', name: 'inbox', component: () => import('@/views/inbox/InboxPage.vue') },
          {
            path: 'supervision',
            name: 'supervision',
            component: () => import('@/views/supervision/SupervisionPage.vue'),
            meta: { supervision: true },
          },
          { path: 'matters', name: 'matters', component: () => import('@/views/matters/MattersPage.vue'), meta: { withoutPlan: true } },
          {
            path: 'escalation',
            name: 'escalation',
            component: () => import('@/views/escalation/EscalationRulesPage.vue'),
            meta: { supervision: true },
          },
          {
            path: 'interviews',
            name: 'interviews',
            component: () => import('@/views/interviews/InterviewsPage.vue'),
            meta: { withoutPlan: true, interviews: true },
          },
          { path: 'assessment', name: 'assessment', component: () => import('@/views/assessment/AssessmentPage.vue') },
          { path: 'timeline', name: 'timeline', component: () => import('@/views/timeline/TimelinePage.vue') },
          { path: 'plan', name: 'plan', component: () => import('@/views/plan/PlanOverview.vue') },
          {
            path: 'tasks',
            name: 'tasks',
            component: () => import('@/views/tasks/TaskListPage.vue'),
            // as for the dashboard below: the list is asked for on the way to the page, which joins that read
            beforeEnter: async (to) => {
              const planId = usePlansStore().currentPlanId
              if (planId === null) return
              void useTasksStore()
                .prefetch({ planId, ...queryToFilter(to.query) })
                .catch(() => undefined) // the page shows the error from its own (shared) read
              await new Promise((resolve) => setTimeout(resolve, 0))
            },
          },
          {
            path: 'dashboard',
            name: 'dashboard',
            component: loadDashboardPage,
            meta: { dashboard: true },
            // Today's figures are asked for on the way to the page, while its code loads and it mounts;
            // the page's first load joins that read instead of starting its own after mounting.
            beforeEnter: async () => {
              void useLeaderDashboardStore()
                .prefetch(usePlansStore().currentPlanId ?? null)
                .catch(() => undefined) // the page shows the error from its own (shared) read
              // one task's pause lets the browser send the request before the page's long first render
              await new Promise((resolve) => setTimeout(resolve, 0))
            },
          },
          { path: 'import', name: 'import', component: () => import('@/views/import/ImportPage.vue'), meta: { import: true } },
          {
            path: 'reports/mine',
            name: 'my-reports',
            component: () => import('@/views/reports/MyReportsPage.vue'),
            meta: { unitOnly: true },
          },
          { path: 'documents', name: 'documents', component: () => import('@/views/documents/DocumentsPage.vue') },
          {
            path: 'maintenance',
            name: 'maintenance',
            component: () => import('@/views/maintenance/MaintenancePage.vue'),
            meta: { admin: true },
          },
          { path: 'review', name: 'review', component: () => import('@/views/reports/ReviewPage.vue'), meta: { review: true } },
          {
            path: 'admin/server',
            name: 'admin-server',
            component: () => import('@/views/admin/ServerSecurityPage.vue'),
            meta: { admin: true },
          },
        ],
      },
      // the meeting-room big screen: outside the main layout, no menu
      {
        path: '/bigscreen',
        name: 'bigscreen',
        component: () => import('@/views/bigscreen/BigscreenPage.vue'),
        meta: { dashboard: true },
      },
      { path: '/:pathMatch(.*)*', redirect: '/home' },
    ],
  })

  router.beforeEach(async (to: RouteLocationNormalized) => {
    const session = useSessionStore()
    // the desktop app's first start asks where its data lives before anything else
    if (to.name !== 'connect') {
      const connection = await desktopConnection().catch(() => null)
      if (connection?.mode === 'unset') return { path: '/connect' }
    }
    if (to.meta.public) return true
    if (!(await session.restore())) {
      return { path: '/login', query: to.fullPath !== '/' && to.fullPath !== '/home' ? { redirect: to.fullPath } : {} }
    }
    if (session.mustChangePassword && to.path !== '/password') return { path: '/password' }
    if (to.meta.admin && !session.isAdmin) return { path: '/home' }
    if (to.meta.phrases && !(session.isOffice || session.role === 'leader')) return { path: '/home' }
    if (to.meta.dashboard && !session.seesDashboard) return { path: '/tasks' }
    if (to.meta.import && !session.seesImport) return { path: '/tasks' }
    if (to.meta.supervision && !session.isOffice) return { path: '/home' }
    if (to.meta.interviews && !(session.isOffice || session.role === 'leader')) return { path: '/home' }
    if (to.meta.review && !session.isOffice) return { path: '/tasks' }
    if (to.meta.unitOnly && !session.isUnitUser) return { path: '/tasks' }
    return true
  })

  onSessionLost((error) => {
    useSessionStore().clear()
    usePlansStore().reset()
    const here = router.currentRoute.value
    if (here.meta.public) return
    void router.push({ path: '/login', query: { reason: error.message, redirect: here.fullPath } })
  })

  return router
}

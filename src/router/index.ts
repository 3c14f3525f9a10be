import { createRouter, createWebHashHistory, type RouteLocationNormalized, type Router } from 'vue-router'
import { onSessionLost } from '@/api/client'
import { useSessionStore } from '@/stores/session'
import { usePlansStore } from '@/stores/plans'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    /** only these roles see the page (the core still checks every call) */
    dashboard?: boolean
  }
}

export function createAppRouter(): Router {
  const router = createRouter({
    // hash history: works from file:// in Electron and over HTTP alike
    history: createWebHashHistory(),
    routes: [
      { path: '/login', name: 'login', component: () => import('@/views/login/LoginPage.vue'), meta: { public: true } },
      { path: '/setup', name: 'setup', component: () => import('@/views/setup/SetupPage.vue'), meta: { public: true } },
      {
        path: '/',
        component: () => import('@/views/layout/MainLayout.vue'),
        redirect: '/plan',
        children: [
          { path: 'plan', name: 'plan', component: () => import('@/views/plan/PlanOverview.vue') },
          { path: 'tasks', name: 'tasks', component: () => import('@/views/tasks/TaskListPage.vue') },
          {
            path: 'dashboard',
            name: 'dashboard',
            component: () => import('@/views/dashboard/DashboardPage.vue'),
            meta: { dashboard: true },
          },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/plan' },
    ],
  })

  router.beforeEach(async (to: RouteLocationNormalized) => {
    const session = useSessionStore()
    if (to.meta.public) return true
    if (!(await session.restore())) {
      return { path: '/login', query: to.fullPath !== '/' && to.fullPath !== '/plan' ? { redirect: to.fullPath } : {} }
    }
    if (to.meta.dashboard && !session.seesDashboard) return { path: '/tasks' }
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
